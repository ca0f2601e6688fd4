import { matchEvents, matches, requests, type Tx } from "@bridgework/db";
import { MATCH_MACHINE, type MatchAction, type MatchStatus, type PersonActor, transition } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import { findVisibleMatch, type MatchRow } from "./match.queries.ts";

export type RequestRow = typeof requests.$inferSelect;

/**
 * Locks a match the person may see together with its request, else 404.
 *
 * Lock order everywhere a match changes: request → match → employer organization →
 * opportunity (cancelling a request takes request → matches → opportunities too), so two
 * transactions touching the same rows queue up instead of deadlocking. The match is read
 * again once locked: the state the machine decides on is the committed one.
 */
export async function lockMatch(
  tx: Tx,
  actor: PersonActor,
  id: string,
): Promise<{ match: MatchRow; request: RequestRow }> {
  const { requestId } = await findVisibleMatch(tx, actor, id);
  const [request] = await tx.select().from(requests).where(eq(requests.id, requestId)).for("update");
  const match = await findVisibleMatch(tx, actor, id, true);
  return { match, request: request! };
}

export interface MoveMatch {
  actor: PersonActor;
  match: MatchRow;
  action: MatchAction;
  at: Date;
  /** Columns changed along with the status. */
  set?: Partial<typeof matches.$inferInsert>;
  /** An intermediary recording the employer's answer. */
  onBehalf?: boolean;
  note?: string | null;
  /** State before this step when one request makes several (accept then schedule). */
  from?: MatchStatus;
}

/**
 * One step of the match machine on a locked match: 409 invalid-transition when illegal, else
 * the row update, a match_events row and an audit row, all in the caller's transaction.
 */
export async function moveMatch(tx: Tx, step: MoveMatch): Promise<MatchRow> {
  const from = step.from ?? step.match.status;
  const to = transition("match", MATCH_MACHINE, from, step.action);
  const [updated] = await tx
    .update(matches)
    .set({ ...step.set, status: to })
    .where(eq(matches.id, step.match.id))
    .returning();
  await tx.insert(matchEvents).values({
    matchId: step.match.id,
    actorUserId: step.actor.userId,
    action: step.action,
    fromStatus: from,
    toStatus: to,
    onBehalf: step.onBehalf ?? false,
    note: step.note ?? null,
    at: step.at,
  });
  await audit(tx, step.actor, step.action, "match", step.match.id, {
    from,
    to,
    ...(step.onBehalf ? { onBehalf: true } : {}),
  });
  return updated!;
}

/** Checks a move without making it, so nothing is written before a refusal. */
export function assertCan(match: MatchRow, action: MatchAction): MatchStatus {
  return transition("match", MATCH_MACHINE, match.status, action);
}
