import type { DbOrTx } from "@bridgework/db";
import type { Match } from "@bridgework/domain";
import { asksThisMonth } from "../../lib/ask-cap.ts";
import { type MatchRow, toMatch } from "./match.queries.ts";

// The count and the cap check live in lib: grow invitations (employer-relationship) are asks too.
export { asksThisMonth, enforceAskCap } from "../../lib/ask-cap.ts";

/** Whether each employer has used up its asks for the month (the `askCapReached` flag on matches). */
export async function askCapReachedFor(db: DbOrTx, employerIds: string[], now: Date): Promise<Set<string>> {
  const state = await asksThisMonth(db, employerIds, now);
  return new Set([...state].filter(([, s]) => s.cap !== null && s.asks >= s.cap).map(([id]) => id));
}

/** A match as the API returns it, with its employer's `askCapReached` flag for this month. */
export async function presentMatch(db: DbOrTx, row: MatchRow, now: Date): Promise<Match> {
  const capped = await askCapReachedFor(db, [row.employerId], now);
  return toMatch(row, capped.has(row.employerId));
}
