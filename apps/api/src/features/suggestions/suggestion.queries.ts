import type { DbOrTx } from "@bridgework/db";
import {
  type EmployerFacts,
  type Kind,
  type Modality,
  OPEN_MATCH_STATUSES,
  type OpportunityFacts,
  type Sector,
} from "@bridgework/domain";
import { sql } from "drizzle-orm";

/**
 * Only this many candidates get their employer's facts looked up and a full score: the SQL
 * orders by the opportunity-side part of the domain score (sector, kind, dates, format, city),
 * which is at least 0.6 of the weight; the employer side (history, ask load) can move a
 * candidate by at most 0.4, so the best `limit` (≤ 50) are, in practice, among the first 200.
 * Looking up employer facts for every candidate cost ~1 s at 100k opportunities.
 */
export const MAX_CANDIDATES = 200;

export interface CandidateQuery {
  regionId: string;
  requestId: string;
  kinds: Kind[];
  kind: Kind;
  sector: Sector;
  students: number;
  modality: Modality;
  oldestAge: number;
  /** The request window as instants: its first day's start and last day's end (UTC). */
  windowFrom: Date;
  windowTo: Date;
  windowStart: string;
  windowEnd: string;
  monthStart: Date;
  monthEnd: Date;
  schoolCity: string | null;
}

export interface Candidate {
  id: string;
  employerId: string;
  facts: OpportunityFacts;
  employer: EmployerFacts;
}

const openStatuses = sql.join(
  OPEN_MATCH_STATUSES.map((s) => sql`${s}::match_status`),
  sql`, `,
);
/** A pair in one of these states is never suggested again for the request: it is being asked, or the employer said no. */
const askedStatuses = sql.join(
  [...OPEN_MATCH_STATUSES, "declined"].map((s) => sql`${s}::match_status`),
  sql`, `,
);

/**
 * One statement: the coarse filter of `unusableBecause` in SQL (region, published, kind, seats,
 * format, age, dates; the (region_id, status, kind) index finds the rows), minus opportunities
 * this request already has a live or declined match with, those of employers at their monthly
 * ask cap ordered after the rest (so the first `MAX_CANDIDATES` hold every bookable one that fits best), joined with each candidate employer's facts,
 * aggregated once per employer rather than once per opportunity: approved asks this month and
 * the cap, "would host again" per past engagement (yes when everyone who answered said yes), and
 * whether another request already has a live ask with them for this kind and window.
 */
export async function findCandidates(db: DbOrTx, q: CandidateQuery): Promise<Candidate[]> {
  const kinds = sql.join(
    q.kinds.map((k) => sql`${k}::wbl_kind`),
    sql`, `,
  );
  const result = await db.execute<{
    id: string;
    employer_id: string;
    kind: Kind;
    sector: Sector;
    seats_left: number;
    /** Raw statements get timestamps as text (drizzle leaves them unparsed). */
    starts_at: string | null;
    ends_at: string | null;
    modality: Modality;
    min_age: number | null;
    city: string | null;
    ask_cap_per_month: number | null;
    asks: number;
    host_again_yes: number;
    host_again_answers: number;
    duplicate_ask: boolean;
  }>(sql`
    WITH capped AS MATERIALIZED (
      -- Employers of the region at their monthly ask cap: their offers go after every bookable one.
      SELECT m.employer_id FROM matches m JOIN organizations org ON org.id = m.employer_id
      WHERE m.region_id = ${q.regionId} AND m.approved_at >= ${q.monthStart} AND m.approved_at < ${q.monthEnd} AND org.ask_cap_per_month IS NOT NULL
      GROUP BY m.employer_id, org.ask_cap_per_month
      HAVING count(*) >= org.ask_cap_per_month
      UNION
      SELECT org.id FROM organizations org WHERE org.region_id = ${q.regionId} AND org.ask_cap_per_month = 0
    ),
    cand AS (
      SELECT o.id, o.employer_id, o.kind, o.sector, o.capacity - o.seats_taken AS seats_left,
             o.starts_at, o.ends_at, o.modality, o.min_age, o.city
      FROM opportunities o
      WHERE o.region_id = ${q.regionId}
        AND o.status = 'published'
        AND o.kind IN (${kinds})
        AND o.capacity - o.seats_taken >= ${q.students}
        AND (${q.modality}::modality = 'hybrid' OR o.modality IN (${q.modality}::modality, 'hybrid'))
        AND (o.min_age IS NULL OR o.min_age <= ${q.oldestAge})
        AND ((o.starts_at IS NULL AND o.ends_at IS NULL)
             OR (coalesce(o.ends_at, o.starts_at) >= ${q.windowFrom} AND (o.starts_at IS NULL OR o.starts_at <= ${q.windowTo})))
        AND NOT EXISTS (
          SELECT 1 FROM matches m
          WHERE m.request_id = ${q.requestId} AND m.opportunity_id = o.id AND m.status IN (${askedStatuses}))
      ORDER BY
        (o.employer_id IN (SELECT employer_id FROM capped)),
        (CASE WHEN o.sector = ${q.sector} THEN 0.3 ELSE 0 END)
        + (CASE WHEN o.kind = ${q.kind}::wbl_kind THEN 0.2 ELSE 0.1 END)
        + (CASE WHEN o.starts_at IS NULL AND o.ends_at IS NULL THEN 0.099
                WHEN coalesce(o.starts_at, '-infinity') >= ${q.windowFrom} AND coalesce(o.ends_at, o.starts_at) <= ${q.windowTo} THEN 0.15
                ELSE 0.075 END)
        + (CASE WHEN o.modality = ${q.modality}::modality THEN 0.1 ELSE 0.05 END)
        + (CASE WHEN lower(o.city) = lower(${q.schoolCity}::text) THEN 0.1 ELSE 0 END) DESC,
        o.starts_at NULLS LAST, o.id
      LIMIT ${MAX_CANDIDATES}
    ),
    employers AS MATERIALIZED (SELECT DISTINCT employer_id FROM cand),
    employer_facts AS MATERIALIZED (
      SELECT e.employer_id, org.ask_cap_per_month,
        (SELECT count(*)::int FROM matches m
          WHERE m.employer_id = e.employer_id AND m.approved_at >= ${q.monthStart} AND m.approved_at < ${q.monthEnd})
        + (SELECT count(*)::int FROM grow_invitations g
          WHERE g.employer_id = e.employer_id AND g.sent_at >= ${q.monthStart} AND g.sent_at < ${q.monthEnd}) AS asks,
        coalesce(fb.yes, 0) AS host_again_yes,
        coalesce(fb.answers, 0) AS host_again_answers,
        dup.found IS NOT NULL AS duplicate_ask
      FROM employers e
      JOIN organizations org ON org.id = e.employer_id
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE per_match.yes)::int AS yes, count(*)::int AS answers
        FROM (SELECT bool_and(f.host_again) AS yes FROM match_feedback f WHERE f.employer_id = e.employer_id GROUP BY f.match_id) per_match
      ) fb ON true
      LEFT JOIN LATERAL (
        SELECT 1 AS found FROM matches m
        WHERE m.employer_id = e.employer_id AND m.request_kind = ${q.kind}::wbl_kind AND m.status IN (${openStatuses}) AND m.request_id <> ${q.requestId}
          AND m.request_window_start <= ${q.windowEnd}::date AND m.request_window_end >= ${q.windowStart}::date
        LIMIT 1
      ) dup ON true
    )
    SELECT cand.*, ef.ask_cap_per_month, ef.asks, ef.host_again_yes, ef.host_again_answers, ef.duplicate_ask
    FROM cand JOIN employer_facts ef ON ef.employer_id = cand.employer_id
  `);
  return result.rows.map((r) => ({
    id: r.id,
    employerId: r.employer_id,
    facts: {
      kind: r.kind,
      sector: r.sector,
      status: "published",
      seatsLeft: r.seats_left,
      startsAt: r.starts_at === null ? null : new Date(r.starts_at),
      endsAt: r.ends_at === null ? null : new Date(r.ends_at),
      modality: r.modality,
      minAge: r.min_age,
      city: r.city,
    },
    employer: {
      asksThisMonth: r.asks,
      askCapPerMonth: r.ask_cap_per_month,
      hostAgainYes: r.host_again_yes,
      hostAgainAnswers: r.host_again_answers,
      duplicateAsk: r.duplicate_ask,
    },
  }));
}
