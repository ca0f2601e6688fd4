import { placements } from "@bridgework/db";
import { dayOf, type InsuranceOverrideInput, InvalidTransition, requireRole } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisiblePlacement, presentPlacement } from "./placement.queries.ts";

/**
 * The district accepts the placement without a valid certificate, covered by a rider on its
 * own policy or a signed waiver; the note says which and where it is kept. Lets activation
 * pass the insurance rule; audited.
 */
export async function recordInsuranceOverride({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: InsuranceOverrideInput;
}) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await findVisiblePlacement(tx, actor, id, true);
    if (p.status !== "pending_paperwork" && p.status !== "ready")
      throw new InvalidTransition("placement", p.status, "given an insurance override");
    await tx
      .update(placements)
      .set({
        insuranceOverride: {
          kind: input.kind,
          note: input.note,
          recordedAt: now.toISOString(),
          recordedBy: actor.userId,
        },
      })
      .where(eq(placements.id, id));
    await audit(tx, actor, "insurance_override", "placement", id, { kind: input.kind });
  });
  return presentPlacement(ctx.db, actor, id, dayOf(now));
}
