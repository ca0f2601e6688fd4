import { type AcceptMatch, requireRole } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { presentMatch } from "./ask-cap.ts";
import { markRequestMatched, takeSeats } from "./match-effects.ts";
import { matchNotifier } from "./match-notifications.ts";
import { assertCan, lockMatch, moveMatch } from "./match-transition.ts";
import { assertWithinWindow } from "./request-window.ts";

/**
 * The employer of the opportunity says yes (or an intermediary records its yes "on behalf"):
 * approved → accepted, or straight on to scheduled when a time is given. Takes the seats
 * (409 seats-unavailable when they are gone; 422 outside-window for a time outside the request's window) and marks the request matched, in one transaction.
 * Side effects: match_events and audit rows, emails to the teacher and the district's
 * coordinators, and a calendar invite to the teacher and employer contacts when scheduled.
 */
export async function acceptMatch({ ctx, id, input }: { ctx: Ctx; id: string; input: AcceptMatch }) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const onBehalf = actor.role === "intermediary";
  const row = await ctx.db.transaction(async (tx) => {
    const { match, request } = await lockMatch(tx, actor, id);
    assertCan(match, "accept");
    if (input.scheduledAt) await assertWithinWindow(tx, request, new Date(input.scheduledAt));
    await takeSeats(tx, match);
    await markRequestMatched(tx, actor, request);
    let updated = await moveMatch(tx, { actor, match, action: "accept", at: now, onBehalf, set: { acceptedAt: now } });
    if (input.scheduledAt) {
      updated = await moveMatch(tx, {
        actor,
        match: updated,
        action: "schedule",
        at: now,
        onBehalf,
        set: { scheduledAt: new Date(input.scheduledAt) },
      });
    }
    const notify = await matchNotifier(tx, { config: ctx.config, now }, id);
    await notify.accepted();
    if (updated.status === "scheduled") await notify.invite();
    return updated;
  });
  ctx.kick();
  return presentMatch(ctx.db, row, now);
}
