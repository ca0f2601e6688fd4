import { matchEvents, matches, opportunities, requests } from "@bridgework/db";
import {
  type CancelRequestInput,
  Forbidden,
  holdsSeats,
  MATCH_MACHINE,
  OPEN_MATCH_STATUSES,
  REQUEST_MACHINE,
  requireRole,
  transition,
  say,
} from "@bridgework/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleRequest, toRequest } from "../../lib/queries/requests.ts";

const CLOSE_REASON = "The request was cancelled";

/**
 * The teacher who asked, the district's coordinator or an intermediary cancels an open or
 * matched request, saying why if they like. Its live matches are cancelled with it (the reason,
 * when given, is theirs) and seats they held go back to
 * their opportunities. Side effects: a match_events row per match, an audit row.
 *
 * Locks request → matches → opportunities, in that order, in one transaction: an accept racing
 * this either commits first (and its seats are released here) or finds its match cancelled.
 */
export async function cancelRequest({ ctx, id, input = {} }: { ctx: Ctx; id: string; input?: CancelRequestInput }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  const actor = ctx.actor;
  const reason = input.reason ? `${CLOSE_REASON}: ${input.reason}` : CLOSE_REASON;
  const row = await ctx.db.transaction(async (tx) => {
    const { request } = await findVisibleRequest(tx, actor, id, true);
    if (actor.role === "teacher" && request.createdBy !== actor.userId)
      throw new Forbidden(say("cancel-request-not-yours"));
    const to = transition("request", REQUEST_MACHINE, request.status, "cancel");
    await tx.update(requests).set({ status: to }).where(eq(requests.id, id));

    const live = await tx
      .select()
      .from(matches)
      .where(and(eq(matches.requestId, id), inArray(matches.status, OPEN_MATCH_STATUSES)))
      .orderBy(matches.id)
      .for("update");
    const now = ctx.clock.now();
    for (const match of live) {
      const next = transition("match", MATCH_MACHINE, match.status, "cancel");
      await tx
        .update(matches)
        .set({
          status: next,
          closedAt: now,
          closeReason: reason,
          // A calendar invite already sent must be superseded by any later cancellation notice.
          icsSequence: match.scheduledAt ? match.icsSequence + 1 : undefined,
        })
        .where(eq(matches.id, match.id));
      if (holdsSeats(match.status)) {
        await tx
          .update(opportunities)
          .set({ seatsTaken: sql`${opportunities.seatsTaken} - ${match.seats}` })
          .where(eq(opportunities.id, match.opportunityId));
      }
      await tx.insert(matchEvents).values({
        matchId: match.id,
        actorUserId: actor.userId,
        action: "cancel",
        fromStatus: match.status,
        toStatus: next,
        note: reason,
        at: now,
      });
    }
    await audit(tx, actor, "cancel", "request", id, {
      from: request.status,
      cancelledMatches: live.map((m) => m.id),
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return findVisibleRequest(tx, actor, id);
  });
  return toRequest(row);
}
