import { matches, opportunities, requests, type Tx } from "@bridgework/db";
import {
  Conflict,
  nextState,
  type PersonActor,
  REQUEST_MACHINE,
  type RequestAction,
  transition,
  say,
} from "@bridgework/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { MatchRow } from "./match.queries.ts";
import type { RequestRow } from "./match-transition.ts";

/**
 * Takes the match's seats in one conditional statement. The row lock PostgreSQL takes for the
 * UPDATE makes concurrent takers queue on the opportunity, and each re-evaluates the condition
 * against the latest committed count, so seats taken never pass capacity however many accept
 * at once (the CHECK seats_within_capacity is the backstop). No row back: 409 seats-unavailable.
 */
export async function takeSeats(tx: Tx, match: MatchRow): Promise<void> {
  const taken = await tx
    .update(opportunities)
    .set({ seatsTaken: sql`${opportunities.seatsTaken} + ${match.seats}` })
    .where(
      and(
        eq(opportunities.id, match.opportunityId),
        sql`${opportunities.seatsTaken} + ${match.seats} <= ${opportunities.capacity}`,
      ),
    )
    .returning({ id: opportunities.id });
  if (taken.length === 0) {
    throw new Conflict("seats-unavailable", say("seats-just-taken", { seats: match.seats }));
  }
}

/** Gives back the seats an accepted or scheduled match held. */
export async function releaseSeats(tx: Tx, match: MatchRow): Promise<void> {
  await tx
    .update(opportunities)
    .set({ seatsTaken: sql`${opportunities.seatsTaken} - ${match.seats}` })
    .where(eq(opportunities.id, match.opportunityId));
}

async function moveRequest(
  tx: Tx,
  actor: PersonActor,
  request: RequestRow,
  action: RequestAction,
  strict: boolean,
): Promise<void> {
  const to = strict
    ? transition("request", REQUEST_MACHINE, request.status, action)
    : nextState(REQUEST_MACHINE, request.status, action);
  if (to === null || to === request.status) return;
  await tx.update(requests).set({ status: to }).where(eq(requests.id, request.id));
  await audit(tx, actor, action, "request", request.id, { from: request.status, to });
}

/** An employer said yes: the request is matched (409 when it was cancelled or expired meanwhile). */
export const markRequestMatched = (tx: Tx, actor: PersonActor, request: RequestRow) =>
  moveRequest(tx, actor, request, "match", true);

/** The engagement happened: the request is fulfilled (if another match already did that, nothing changes). */
export const markRequestFulfilled = (tx: Tx, actor: PersonActor, request: RequestRow) =>
  moveRequest(tx, actor, request, "fulfil", false);

/**
 * After a match that held seats ends, the request is open again unless another of its matches
 * is still accepted or scheduled. The request row is locked by the caller, so two of its
 * matches ending at once see each other's outcome and one of them reopens it.
 */
export async function reopenRequestIfUnserved(
  tx: Tx,
  actor: PersonActor,
  request: RequestRow,
  endedMatchId: string,
): Promise<void> {
  if (request.status !== "matched") return;
  const [live] = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        eq(matches.requestId, request.id),
        ne(matches.id, endedMatchId),
        inArray(matches.status, ["accepted", "scheduled"]),
      ),
    )
    .limit(1);
  if (!live) await moveRequest(tx, actor, request, "reopen", false);
}
