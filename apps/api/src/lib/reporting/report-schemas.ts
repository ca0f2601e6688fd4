import { SchoolYearPattern } from "@bridgework/domain";
import { z } from "zod";

/**
 * Report query and response schemas. They live beside the routes rather than in
 * packages/domain because only the API and its CSV exports use them so far; move them when
 * the SPA's report pages need the types.
 */

export const REPORT_DIMENSIONS = [
  "district",
  "school",
  "pathway",
  "sector",
  "level",
  "kind",
  "month",
  "schoolYear",
] as const;

export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export const SchoolYear = z
  .string()
  .regex(SchoolYearPattern, "Use a school year like 2025-2026")
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, "The second year must follow the first");
