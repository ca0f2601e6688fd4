import { type CompleteMatch, requireRole } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { presentMatch } from "./ask-cap.ts";
import { markRequestFulfilled } from "./match-effects.ts";
import { assertCan, lockMatch, moveMatch } from "./match-transition.ts";

/**
 * The school side records that the engagement happened and how many students came
 * (accepted | scheduled → completed); the request is fulfilled. Seats stay taken: they were used.
 * Side effects: match_events and audit rows.
 */
export async function completeMatch({ ctx, id, input }: { ctx: Ctx; id: string; input: CompleteMatch }) {
  requireRole(ctx.actor, ["coordinator", "teacher"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { match, request } = await lockMatch(tx, actor, id);
    assertCan(match, "complete");
    const updated = await moveMatch(tx, {
      actor,
      match,
      action: "complete",
      at: now,
      set: { completedAt: now, attendedStudents: input.attendedStudents },
    });
    await markRequestFulfilled(tx, actor, request);
    return updated;
  });
  return presentMatch(ctx.db, row, now);
}
