import { z } from "zod";
import { SchoolYear } from "../../lib/reporting/report-schemas.ts";
import { INDICATOR_IDS, STAGE_LABELS } from "./indicators.ts";

export const SelfAssessmentQuery = z.object({
  schoolYear: SchoolYear.optional().describe("Defaults to the current school year"),
});
export type SelfAssessmentQuery = z.infer<typeof SelfAssessmentQuery>;

export const IndicatorParams = z.object({ indicator: z.enum(INDICATOR_IDS) });

export const SaveSelfAssessment = z.object({
  schoolYear: SchoolYear,
  stage: z.number().int().min(1).max(4),
  notes: z.string().trim().max(5000).default(""),
});
export type SaveSelfAssessment = z.infer<typeof SaveSelfAssessment>;

export const IndicatorAssessment = z.object({
  indicator: z.enum(INDICATOR_IDS),
  title: z.string(),
  stages: z.array(z.object({ stage: z.number().int(), label: z.enum(STAGE_LABELS), description: z.string() })),
  stage: z.number().int().min(1).max(4).nullable().describe("The region's saved rating for the year; null until rated"),
  notes: z.string(),
  updatedAt: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()).describe("Computed from the data of the year for the caller's scope"),
});
export type IndicatorAssessment = z.infer<typeof IndicatorAssessment>;

export const SelfAssessment = z.object({
  schoolYear: z.string(),
  evidenceScope: z
    .enum(["region", "district"])
    .describe("Coordinators see the region's ratings with evidence from their own district"),
  indicators: z.array(IndicatorAssessment),
});
export type SelfAssessment = z.infer<typeof SelfAssessment>;
