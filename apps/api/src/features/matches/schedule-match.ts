import { Forbidden, requireRole, type ScheduleMatch, say } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { presentMatch } from "./ask-cap.ts";
import { matchNotifier } from "./match-notifications.ts";
import { assertCan, lockMatch, moveMatch } from "./match-transition.ts";
import { assertWithinWindow } from "./request-window.ts";

/**
 * Sets or changes the time of an accepted engagement (accepted | scheduled → scheduled). A
 * change bumps the invite's SEQUENCE so calendars replace the earlier invite instead of adding
 * one. A time outside the request's window is refused (422 outside-window). Who: the employer, the teacher who asked, the district's coordinator, an intermediary.
 * Side effects: match_events and audit rows, an invite (.ics) to the teacher and employer contacts.
 */
export async function scheduleMatch({ ctx, id, input }: { ctx: Ctx; id: string; input: ScheduleMatch }) {
  requireRole(ctx.actor, ["employer", "teacher", "coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { match, request } = await lockMatch(tx, actor, id);
    if (actor.role === "teacher" && request.createdBy !== actor.userId)
      throw new Forbidden(say("reschedule-not-yours"));
    assertCan(match, "schedule");
    await assertWithinWindow(tx, request, new Date(input.scheduledAt));
    const reschedule = match.status === "scheduled";
    const updated = await moveMatch(tx, {
      actor,
      match,
      action: "schedule",
      at: now,
      note: reschedule ? `Moved from ${match.scheduledAt?.toISOString()}` : null,
      set: {
        scheduledAt: new Date(input.scheduledAt),
        icsSequence: reschedule ? match.icsSequence + 1 : match.icsSequence,
      },
    });
    await (await matchNotifier(tx, { config: ctx.config, now }, id)).invite();
    return updated;
  });
  ctx.kick();
  return presentMatch(ctx.db, row, now);
}
