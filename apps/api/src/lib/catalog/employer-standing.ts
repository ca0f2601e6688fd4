import type { DbOrTx } from "@bridgework/db";
import { OPEN_MATCH_STATUSES } from "@bridgework/domain";
import { sql } from "drizzle-orm";

/** What suggestions weigh about an employer this month, the same for every request. */
export interface EmployerStanding {
  askCapPerMonth: number | null;
  /** Matches approved with them this month. */
  approvedAsks: number;
  /** Invitations to grow sent to them this month. */
  invitations: number;
  /** Past engagements where everyone who answered said they would host again, of those answered. */
  hostAgainYes: number;
  hostAgainAnswers: number;
  /** Their live asks (open matches): for which request, of which kind, over which window (YYYY-MM-DD). */
  liveAsks: { requestId: string; kind: string | null; start: string | null; end: string | null }[];
}

/** Another request already has a live ask with them for this kind and an overlapping window (the duplicate-ask signal). */
export function askedElsewhere(
  s: EmployerStanding,
  q: { requestId: string; kind: string; windowStart: string; windowEnd: string },
): boolean {
  return s.liveAsks.some(
    (a) =>
      a.kind === q.kind &&
      a.requestId !== q.requestId &&
      a.start !== null &&
      a.end !== null &&
      a.start <= q.windowEnd &&
      a.end >= q.windowStart,
  );
}

/** At the cap: a cap of 0, or as many approved asks this month as the cap (invitations do not count here). */
export function atAskCap(s: EmployerStanding): boolean {
  return s.askCapPerMonth !== null && (s.askCapPerMonth === 0 || s.approvedAsks >= s.askCapPerMonth);
}

/**
 * Every employer of the region with this month's asks, their "would host again" record and
 * their live asks, in two statements (kept per region until it changes: `createRegionMemo`). `month` is its first
 * instant as an ISO string; the month ends a calendar month later.
 */
export async function readEmployerStanding(
  db: DbOrTx,
  regionId: string,
  month: { start: Date; end: Date },
): Promise<Map<string, EmployerStanding>> {
  const result = await db.execute<{
    id: string;
    ask_cap_per_month: number | null;
    approved_asks: number;
    invitations: number;
    host_again_yes: number;
    host_again_answers: number;
  }>(sql`
    SELECT org.id, org.ask_cap_per_month,
      coalesce(asks.n, 0) AS approved_asks,
      coalesce(inv.n, 0) AS invitations,
      coalesce(fb.yes, 0) AS host_again_yes,
      coalesce(fb.answers, 0) AS host_again_answers
    FROM organizations org
    LEFT JOIN (
      SELECT m.employer_id, count(*)::int AS n FROM matches m
      WHERE m.region_id = ${regionId} AND m.approved_at >= ${month.start} AND m.approved_at < ${month.end}
      GROUP BY m.employer_id
    ) asks ON asks.employer_id = org.id
    LEFT JOIN (
      SELECT g.employer_id, count(*)::int AS n FROM grow_invitations g
      WHERE g.region_id = ${regionId} AND g.sent_at >= ${month.start} AND g.sent_at < ${month.end}
      GROUP BY g.employer_id
    ) inv ON inv.employer_id = org.id
    LEFT JOIN (
      SELECT per_match.employer_id, count(*) FILTER (WHERE per_match.yes)::int AS yes, count(*)::int AS answers
      FROM (
        SELECT f.employer_id, bool_and(f.host_again) AS yes
        FROM match_feedback f JOIN organizations e ON e.id = f.employer_id
        WHERE e.region_id = ${regionId}
        GROUP BY f.employer_id, f.match_id
      ) per_match
      GROUP BY per_match.employer_id
    ) fb ON fb.employer_id = org.id
    WHERE org.region_id = ${regionId} AND org.type = 'employer'
  `);
  const standing = new Map<string, EmployerStanding>(
    result.rows.map((r) => [
      r.id,
      {
        askCapPerMonth: r.ask_cap_per_month,
        approvedAsks: r.approved_asks,
        invitations: r.invitations,
        hostAgainYes: r.host_again_yes,
        hostAgainAnswers: r.host_again_answers,
        liveAsks: [],
      },
    ]),
  );
  const live = await db.execute<{
    employer_id: string;
    request_id: string;
    request_kind: string | null;
    request_window_start: string | null;
    request_window_end: string | null;
  }>(sql`
    SELECT m.employer_id, m.request_id, m.request_kind, m.request_window_start::text, m.request_window_end::text
    FROM matches m
    WHERE m.region_id = ${regionId} AND m.status IN (${sql.join(
      OPEN_MATCH_STATUSES.map((st) => sql`${st}::match_status`),
      sql`, `,
    )})`);
  for (const r of live.rows) {
    standing.get(r.employer_id)?.liveAsks.push({
      requestId: r.request_id,
      kind: r.request_kind,
      start: r.request_window_start,
      end: r.request_window_end,
    });
  }
  return standing;
}
