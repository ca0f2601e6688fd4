import { selfAssessments } from "@bridgework/db";
import { requireRole } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { evidenceFor } from "./assessment-evidence.ts";
import { presentIndicator } from "./get-self-assessment.ts";
import type { IndicatorId } from "./indicators.ts";
import type { SaveSelfAssessment } from "./self-assessment.schemas.ts";

/**
 * The intermediary rates one indicator for a school year (insert or replace). The evidence it
 * was rated against is kept with the rating, so a later reader sees what the region saw.
 * Side effects: an audit row.
 */
export async function saveSelfAssessment({
  ctx,
  indicator,
  input,
}: {
  ctx: Ctx;
  indicator: IndicatorId;
  input: SaveSelfAssessment;
}) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const scope = { regionId: actor.regionId, districtId: null, schoolId: null };
  const evidence = await evidenceFor(ctx.db, scope, input.schoolYear, indicator);
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfAssessments)
      .values({
        regionId: actor.regionId,
        schoolYear: input.schoolYear,
        indicator,
        stage: input.stage,
        notes: input.notes,
        evidence,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [selfAssessments.regionId, selfAssessments.schoolYear, selfAssessments.indicator],
        set: { stage: input.stage, notes: input.notes, evidence, updatedBy: actor.userId, updatedAt: now },
      })
      .returning();
    await audit(tx, actor, "assess", "self_assessment", row!.id, {
      indicator,
      schoolYear: input.schoolYear,
      stage: input.stage,
    });
    return row!;
  });
  return presentIndicator(ctx, scope, input.schoolYear, indicator, saved, evidence);
}
