import type { DbOrTx } from "@bridgework/db";
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
}

/** At the cap: a cap of 0, or as many approved asks this month as the cap (invitations do not count here). */
export function atAskCap(s: EmployerStanding): boolean {
  return s.askCapPerMonth !== null && (s.askCapPerMonth === 0 || s.approvedAsks >= s.askCapPerMonth);
}

/**
 * Every employer of the region with this month's asks and their "would host again" record, in
 * one statement (kept per region until it changes: `createRegionMemo`). `month` is its first
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
  return new Map(
    result.rows.map((r) => [
      r.id,
      {
        askCapPerMonth: r.ask_cap_per_month,
        approvedAsks: r.approved_asks,
        invitations: r.invitations,
        hostAgainYes: r.host_again_yes,
        hostAgainAnswers: r.host_again_answers,
      },
    ]),
  );
}
