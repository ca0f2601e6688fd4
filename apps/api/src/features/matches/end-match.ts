import { Forbidden, holdsSeats, type ReasonInput, requireRole, say } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { presentMatch } from "./ask-cap.ts";
import { releaseSeats, reopenRequestIfUnserved } from "./match-effects.ts";
import { matchNotifier } from "./match-notifications.ts";
import { assertCan, lockMatch, moveMatch } from "./match-transition.ts";

type Args = { ctx: Ctx; id: string; input: ReasonInput };

/**
 * The employer says no (or an intermediary records its no "on behalf"). Side effects: seats
 * held go back, the request reopens when nothing else serves it, match_events and audit rows,
 * an email to the teacher and the district's coordinators, and a METHOD:CANCEL invite when it
 * was scheduled.
 */
export function declineMatch({ ctx, id, input }: Args) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  return endMatch(ctx, id, input.reason, "decline");
}

/**
 * The school side calls it off: the district's coordinator, an intermediary, or the teacher who
 * asked. Side effects as for a decline; the employer contacts are told when they had seen the ask.
 */
export function cancelMatch({ ctx, id, input }: Args) {
  requireRole(ctx.actor, ["coordinator", "intermediary", "teacher"]);
  return endMatch(ctx, id, input.reason, "cancel");
}

async function endMatch(ctx: Ctx, id: string, reason: string, action: "decline" | "cancel") {
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { match, request } = await lockMatch(tx, actor, id);
    if (action === "cancel" && actor.role === "teacher" && request.createdBy !== actor.userId)
      throw new Forbidden(say("cancel-match-not-yours"));
    assertCan(match, action);
    const updated = await moveMatch(tx, {
      actor,
      match,
      action,
      at: now,
      note: reason,
      onBehalf: action === "decline" && actor.role === "intermediary",
      // A sent invite is withdrawn by a CANCEL with a higher SEQUENCE than the last REQUEST.
      set: {
        closedAt: now,
        closeReason: reason,
        icsSequence: match.status === "scheduled" ? match.icsSequence + 1 : match.icsSequence,
      },
    });
    if (holdsSeats(match.status)) {
      await releaseSeats(tx, match);
      await reopenRequestIfUnserved(tx, actor, request, match.id);
    }
    const notify = await matchNotifier(tx, { config: ctx.config, now }, id);
    if (action === "decline") await notify.declined(reason);
    await notify.ended(match.status, action === "decline" ? "declined" : "cancelled", reason);
    return updated;
  });
  ctx.kick();
  return presentMatch(ctx.db, row, now);
}
