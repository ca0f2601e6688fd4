import { opportunities } from "@bridgework/db";
import { OPPORTUNITY_MACHINE, type OpportunityAction, requireRole, transition } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleOpportunity, toOpportunity } from "../../lib/queries/opportunities.ts";

type Args = { ctx: Ctx; id: string };

/** Owner or intermediary makes a draft or paused opportunity visible to schools. Side effects: audit row. */
export const publishOpportunity = (args: Args) => changeOpportunityStatus(args, "publish");
/** Owner or intermediary hides a published opportunity for a while (no new matches). Side effects: audit row. */
export const pauseOpportunity = (args: Args) => changeOpportunityStatus(args, "pause");
/** Owner or intermediary ends an opportunity for good. Side effects: audit row. */
export const closeOpportunity = (args: Args) => changeOpportunityStatus(args, "close");

/**
 * One state change. The row is locked while the machine decides, so of two concurrent
 * changes the second sees the first's result and gets 409 invalid-transition when illegal.
 */
async function changeOpportunityStatus({ ctx, id }: Args, action: OpportunityAction) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const actor = ctx.actor;
  const row = await ctx.db.transaction(async (tx) => {
    const { opportunity: current } = await findVisibleOpportunity(tx, actor, id, true);
    const to = transition("opportunity", OPPORTUNITY_MACHINE, current.status, action);
    await tx
      .update(opportunities)
      .set({ status: to, publishedAt: action === "publish" ? (current.publishedAt ?? ctx.clock.now()) : undefined })
      .where(and(eq(opportunities.id, id), eq(opportunities.status, current.status)));
    await audit(tx, actor, action, "opportunity", id, { from: current.status, to });
    return findVisibleOpportunity(tx, actor, id);
  });
  return toOpportunity(row);
}
