import { selfAssessments } from "@bridgework/db";
import { schoolYearOf } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { reportScope, type ReportScope } from "../../lib/reporting/report-scope.ts";
import { type EvidenceShared, evidenceFor } from "./assessment-evidence.ts";
import { C6_INDICATORS, type IndicatorId, STAGE_LABELS } from "./indicators.ts";
import type { IndicatorAssessment, SelfAssessment, SelfAssessmentQuery } from "./self-assessment.schemas.ts";

type Saved = typeof selfAssessments.$inferSelect;

/** One indicator with its rating and evidence (`evidence` when already computed; else from the data, sharing `shared`). */
export async function presentIndicator(
  ctx: Ctx,
  scope: ReportScope,
  schoolYear: string,
  id: IndicatorId,
  saved: Saved | undefined,
  evidence?: Record<string, unknown>,
  shared: EvidenceShared = new Map(),
): Promise<IndicatorAssessment> {
  const def = C6_INDICATORS.find((i) => i.indicator === id)!;
  return {
    indicator: id,
    title: def.title,
    stages: def.stages.map((description, i) => ({ stage: i + 1, label: STAGE_LABELS[i]!, description })),
    stage: saved?.stage ?? null,
    notes: saved?.notes ?? "",
    updatedAt: saved?.updatedAt.toISOString() ?? null,
    evidence: evidence ?? (await evidenceFor(ctx.db, scope, schoolYear, id, shared)),
  };
}

/**
 * The region's C6 self-assessment for a school year: each indicator's rubric, the saved stage
 * and notes, and evidence computed from the data. Intermediaries see the region; coordinators
 * read the region's ratings with evidence from their own district.
 */
export async function getSelfAssessment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: SelfAssessmentQuery;
}): Promise<SelfAssessment> {
  const scope = await reportScope(ctx, {});
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.clock.now());
  const saved = await ctx.db
    .select()
    .from(selfAssessments)
    .where(and(eq(selfAssessments.regionId, scope.regionId), eq(selfAssessments.schoolYear, schoolYear)));
  const shared: EvidenceShared = new Map();
  const indicators = await Promise.all(
    C6_INDICATORS.map((i) =>
      presentIndicator(
        ctx,
        scope,
        schoolYear,
        i.indicator,
        saved.find((s) => s.indicator === i.indicator),
        undefined,
        shared,
      ),
    ),
  );
  return { schoolYear, evidenceScope: scope.districtId ? "district" : "region", indicators };
}
