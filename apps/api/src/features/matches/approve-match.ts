import { requireRole } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { enforceAskCap, presentMatch } from "./ask-cap.ts";
import { matchNotifier } from "./match-notifications.ts";
import { assertCan, lockMatch, moveMatch } from "./match-transition.ts";

/**
 * The district's coordinator (or an intermediary) approves a teacher's proposal: it becomes an
 * ask to the employer, within the employer's monthly ask cap (422 ask-limit-reached).
 * Side effects: match_events and audit rows, an email to each employer contact.
 */
export async function approveMatch({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { match } = await lockMatch(tx, actor, id);
    assertCan(match, "approve");
    await enforceAskCap(tx, match.employerId, now);
    const updated = await moveMatch(tx, {
      actor,
      match,
      action: "approve",
      at: now,
      set: { approvedBy: actor.userId, approvedAt: now },
    });
    await (await matchNotifier(tx, { config: ctx.config, now }, id)).approved();
    return updated;
  });
  ctx.kick();
  return presentMatch(ctx.db, row, now);
}
