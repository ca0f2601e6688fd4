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
import type { CatalogDoc } from "../../lib/catalog/catalog-doc.ts";

/**
 * Only this many candidates get their employer's facts looked up and a full score: they are
 * taken in the order of the opportunity-side part of the domain score (sector, kind, dates, format, city),
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
  doc: CatalogDoc;
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
 * What the database alone knows for a request's candidates, in one statement: the
 * opportunities this request already has a live or declined match with (never suggested
 * again), and the region's employers at their monthly ask cap (their offers go after every
 * bookable one).
 */
export async function findAskedAndCapped(
  db: DbOrTx,
  q: Pick<CandidateQuery, "regionId" | "requestId" | "monthStart" | "monthEnd">,
): Promise<{ asked: Set<string>; capped: Set<string> }> {
  const result = await db.execute<{ asked: string[] | null; capped: string[] | null }>(sql`
    SELECT
      (SELECT array_agg(m.opportunity_id) FROM matches m
        WHERE m.request_id = ${q.requestId} AND m.status IN (${askedStatuses})) AS asked,
      (SELECT array_agg(employer_id) FROM (
        SELECT m.employer_id FROM matches m JOIN organizations org ON org.id = m.employer_id
        WHERE m.region_id = ${q.regionId} AND m.approved_at >= ${q.monthStart} AND m.approved_at < ${q.monthEnd}
          AND org.ask_cap_per_month IS NOT NULL
        GROUP BY m.employer_id, org.ask_cap_per_month
        HAVING count(*) >= org.ask_cap_per_month
        UNION
        SELECT org.id FROM organizations org WHERE org.region_id = ${q.regionId} AND org.ask_cap_per_month = 0) c) AS capped
  `);
  const row = result.rows[0];
  return { asked: new Set(row?.asked ?? []), capped: new Set(row?.capped ?? []) };
}

/**
 * The employer side of the score for these employers, aggregated once per employer: approved
 * asks this month (and invitations sent) against the cap, "would host again" per past
 * engagement (yes when everyone who answered said yes), and whether another request already
 * has a live ask with them for this kind and window.
 */
export async function findEmployerFacts(
  db: DbOrTx,
  employerIds: string[],
  q: Pick<CandidateQuery, "requestId" | "kind" | "windowStart" | "windowEnd" | "monthStart" | "monthEnd">,
): Promise<Map<string, EmployerFacts>> {
  if (employerIds.length === 0) return new Map();
  const result = await db.execute<{
    employer_id: string;
    ask_cap_per_month: number | null;
    asks: number;
    host_again_yes: number;
    host_again_answers: number;
    duplicate_ask: boolean;
  }>(sql`
    SELECT e.employer_id, org.ask_cap_per_month,
      (SELECT count(*)::int FROM matches m
        WHERE m.employer_id = e.employer_id AND m.approved_at >= ${q.monthStart} AND m.approved_at < ${q.monthEnd})
      + (SELECT count(*)::int FROM grow_invitations g
        WHERE g.employer_id = e.employer_id AND g.sent_at >= ${q.monthStart} AND g.sent_at < ${q.monthEnd}) AS asks,
      coalesce(fb.yes, 0) AS host_again_yes,
      coalesce(fb.answers, 0) AS host_again_answers,
      dup.found IS NOT NULL AS duplicate_ask
    FROM unnest(${`{${employerIds.join(",")}}`}::uuid[]) AS e(employer_id)
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
  `);
  return new Map(
    result.rows.map((r) => [
      r.employer_id,
      {
        asksThisMonth: r.asks,
        askCapPerMonth: r.ask_cap_per_month,
        hostAgainYes: r.host_again_yes,
        hostAgainAnswers: r.host_again_answers,
        duplicateAsk: r.duplicate_ask,
      },
    ]),
  );
}
