import { hoursEntries } from "@bridgework/db";
import { LinkExpired, ValidationFailed, say } from "@bridgework/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../lib/context.ts";
import { claimLink, findUsableLink } from "../../lib/one-time-links.ts";
import { placementSummary } from "./evaluation-link.ts";
import { loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";

export const HoursDecisions = z.object({
  decisions: z
    .array(z.object({ id: z.uuid(), approve: z.boolean() }))
    .min(1)
    .max(200),
});
export type HoursDecisions = z.infer<typeof HoursDecisions>;

const pendingOf = (placementId: string) =>
  and(eq(hoursEntries.placementId, placementId), eq(hoursEntries.status, "pending"));

/** The entries waiting for the supervisor; opening the link does not use it. */
export async function showHours(ctx: Omit<Ctx, "actor">, token: string) {
  const link = await findUsableLink(ctx.db, token, "hours", ctx.clock.now());
  const facts = await loadPlacementFacts(ctx.db, link.placementId!);
  if (!facts) throw new LinkExpired();
  const entries = await ctx.db
    .select({ id: hoursEntries.id, date: hoursEntries.date, hours: hoursEntries.hours, note: hoursEntries.note })
    .from(hoursEntries)
    .where(pendingOf(facts.placement.id))
    .orderBy(asc(hoursEntries.date));
  return { placement: placementSummary(facts), entries };
}

/** Approves or rejects pending entries and uses the link; entries not mentioned stay pending for the next link. */
export async function decideHours(ctx: Omit<Ctx, "actor">, token: string, input: HoursDecisions) {
  const now = ctx.clock.now();
  const link = await findUsableLink(ctx.db, token, "hours", now);
  return ctx.db.transaction(async (tx) => {
    await claimLink(tx, link.id, now);
    const ids = input.decisions.map((d) => d.id);
    const pending = await tx
      .select({ id: hoursEntries.id })
      .from(hoursEntries)
      .where(and(pendingOf(link.placementId!), inArray(hoursEntries.id, ids)))
      .for("update");
    const known = new Set(pending.map((e) => e.id));
    const errors = input.decisions.flatMap((d, i) =>
      known.has(d.id) ? [] : [{ path: `decisions.${i}.id`, text: say("hours-not-waiting") }],
    );
    if (errors.length > 0) throw new ValidationFailed(errors);
    for (const approve of [true, false]) {
      const chosen = input.decisions.filter((d) => d.approve === approve).map((d) => d.id);
      if (chosen.length > 0) {
        await tx
          .update(hoursEntries)
          .set({ status: approve ? "approved" : "rejected", decidedAt: now })
          .where(inArray(hoursEntries.id, chosen));
      }
    }
    return {
      approved: input.decisions.filter((d) => d.approve).length,
      rejected: input.decisions.filter((d) => !d.approve).length,
    };
  });
}
