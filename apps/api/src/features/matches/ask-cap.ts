import { type DbOrTx, matches, organizations, type Tx } from "@bridgework/db";
import { type Match, monthOf, RuleViolation, say } from "@bridgework/domain";
import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { type MatchRow, toMatch } from "./match.queries.ts";

/** Asks sent this month: matches approved (by a coordinator or intermediary) in the month, whatever became of them. */
export async function asksThisMonth(
  db: DbOrTx,
  employerIds: string[],
  now: Date,
): Promise<Map<string, { asks: number; cap: number | null }>> {
  const result = new Map<string, { asks: number; cap: number | null }>();
  if (employerIds.length === 0) return result;
  const { start, end } = monthOf(now);
  const ids = [...new Set(employerIds)];
  const [caps, counts] = await Promise.all([
    db
      .select({ id: organizations.id, cap: organizations.askCapPerMonth })
      .from(organizations)
      .where(inArray(organizations.id, ids)),
    db
      .select({ employerId: matches.employerId, n: count() })
      .from(matches)
      .where(and(inArray(matches.employerId, ids), gte(matches.approvedAt, start), lt(matches.approvedAt, end)))
      .groupBy(matches.employerId),
  ]);
  const byEmployer = new Map(counts.map((c) => [c.employerId, c.n]));
  for (const c of caps) result.set(c.id, { asks: byEmployer.get(c.id) ?? 0, cap: c.cap });
  return result;
}

/** Whether each employer has used up its asks for the month (the `askCapReached` flag on matches). */
export async function askCapReachedFor(db: DbOrTx, employerIds: string[], now: Date): Promise<Set<string>> {
  const state = await asksThisMonth(db, employerIds, now);
  return new Set([...state].filter(([, s]) => s.cap !== null && s.asks >= s.cap).map(([id]) => id));
}

/**
 * Refuses a new ask (422 ask-limit-reached) once the employer has had its monthly cap.
 *
 * Count-then-insert races: two approvals each counting 3 of 4 would both pass. The employer's
 * organization row is locked first, so approvals of asks to one employer run one after the
 * other and each counts the ones committed before it. FOR NO KEY UPDATE, not FOR UPDATE: it
 * still excludes another approval (and an edit of the cap) but not the foreign-key checks of
 * rows merely pointing at the employer (a teacher's proposal, feedback), which need no wait.
 */
export async function enforceAskCap(tx: Tx, employerId: string, now: Date): Promise<void> {
  const [org] = await tx
    .select({ name: organizations.name, cap: organizations.askCapPerMonth })
    .from(organizations)
    .where(eq(organizations.id, employerId))
    .for("no key update");
  if (!org || org.cap === null) return;
  const { start, end } = monthOf(now);
  const [row] = await tx
    .select({ n: count() })
    .from(matches)
    .where(and(eq(matches.employerId, employerId), gte(matches.approvedAt, start), lt(matches.approvedAt, end)));
  const asks = row?.n ?? 0;
  if (asks >= org.cap) {
    throw new RuleViolation("ask-limit-reached", say("ask-limit-reached", { employer: org.name, asks, cap: org.cap }), {
      asksThisMonth: asks,
      askCapPerMonth: org.cap,
    });
  }
}

/** A match as the API returns it, with its employer's `askCapReached` flag for this month. */
export async function presentMatch(db: DbOrTx, row: MatchRow, now: Date): Promise<Match> {
  const capped = await askCapReachedFor(db, [row.employerId], now);
  return toMatch(row, capped.has(row.employerId));
}
