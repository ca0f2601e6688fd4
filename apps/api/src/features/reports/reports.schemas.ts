import { EQUITY_DIMENSIONS, type EquityDimension, isoDay, KINDS, LEVELS } from "@bridgework/domain";
import { z } from "zod";
import { REPORT_DIMENSIONS, type ReportDimension, SchoolYear } from "../../lib/reporting/report-schemas.ts";

const IsoDate = isoDay();
const Format = z
  .enum(["json", "csv"])
  .optional()
  .describe("`csv` streams the rows as CSV (same as `Accept: text/csv` or the `.csv` route)");

/** `groupBy=district,kind` → ["district", "kind"]; unknown names are a 400, repeats are dropped. */
const GroupBy = z
  .string()
  .max(200)
  .optional()
  .transform((v, c) => {
    const names = (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !(REPORT_DIMENSIONS as readonly string[]).includes(n));
    if (unknown.length) {
      c.addIssue({
        code: "custom",
        message: `Unknown dimension(s) ${unknown.join(", ")}; use ${REPORT_DIMENSIONS.join(", ")}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as ReportDimension[];
  })
  .describe(`Comma-separated dimensions: ${REPORT_DIMENSIONS.join(", ")}`);

const ScopeQuery = {
  districtId: z.uuid().optional().describe("Intermediaries: one district; coordinators may only name their own"),
  schoolId: z.uuid().optional(),
};

export const PlacementReportQuery = z
  .object({
    groupBy: GroupBy,
    from: IsoDate.optional().describe("First day (completion date, inclusive)"),
    to: IsoDate.optional().describe("Last day (inclusive)"),
    ...ScopeQuery,
    pathwayId: z
      .uuid()
      .optional()
      .describe("Only experiences of students in this pathway (a pathway of the caller's scope)"),
    kind: z.enum(KINDS).optional().describe("Only this kind of activity"),
    level: z.enum(LEVELS).optional().describe("Only this continuum level"),
    format: Format,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] });
export type PlacementReportQuery = z.infer<typeof PlacementReportQuery>;

const Measures = {
  experiences: z.number().int().describe("Completed matches (group engagements) plus completed placements"),
  students: z
    .number()
    .int()
    .describe(
      "Distinct named students in placements plus attending students of group engagements (counted once per engagement: they are not named)",
    ),
  seats: z.number().int().describe("Seats of completed matches plus one per completed placement"),
  hours: z.number().describe("Approved hours of the completed placements"),
  employers: z.number().int().describe("Distinct employers"),
  newEmployers: z
    .number()
    .int()
    .describe(
      "Distinct employers whose first completed experience in the region falls in the same school year as the experience",
    ),
};

export const PlacementReportRow = z.object({
  districtId: z.uuid().nullable().optional(),
  district: z.string().nullable().optional(),
  schoolId: z.uuid().nullable().optional(),
  school: z.string().nullable().optional(),
  pathwayId: z.uuid().nullable().optional(),
  pathway: z.string().nullable().optional(),
  sector: z.string().optional(),
  level: z.enum(LEVELS).optional(),
  kind: z.enum(KINDS).optional(),
  month: z.string().optional().describe("YYYY-MM of completion"),
  schoolYear: z.string().optional().describe("July–June, e.g. 2025-2026"),
  ...Measures,
});
export const PlacementTotals = z.object(Measures);
export const PlacementReport = z.object({
  groupBy: z.array(z.enum(REPORT_DIMENSIONS)),
  rows: z.array(PlacementReportRow),
  totals: PlacementTotals,
});
export type PlacementReport = z.infer<typeof PlacementReport>;

export const UnmetDemandQuery = z
  .object({
    from: IsoDate.optional().describe("Requests whose window ends on or after this day"),
    to: IsoDate.optional().describe("Requests whose window starts on or before this day"),
    ...ScopeQuery,
    format: Format,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] });
export type UnmetDemandQuery = z.infer<typeof UnmetDemandQuery>;

export const UnmetDemandRow = z.object({
  sector: z.string(),
  kind: z.enum(KINDS),
  level: z.enum(LEVELS),
  schoolId: z.uuid(),
  school: z.string(),
  requests: z.number().int(),
  open: z.number().int(),
  expired: z.number().int(),
  studentsWaiting: z.number().int(),
});
export const UnmetDemandReport = z.object({
  rows: z.array(UnmetDemandRow),
  totals: z.object({
    requests: z.number().int(),
    open: z.number().int(),
    expired: z.number().int(),
    studentsWaiting: z.number().int(),
  }),
});
export type UnmetDemandReport = z.infer<typeof UnmetDemandReport>;

// One list with the SPA's chooser (packages/domain reporting/report-vocabulary.ts).
export { EQUITY_DIMENSIONS, type EquityDimension };

export const EquityQuery = z.object({
  dimension: z.enum(EQUITY_DIMENSIONS),
  schoolYear: SchoolYear.optional().describe("Defaults to the current school year"),
  ...ScopeQuery,
  format: Format,
});
export type EquityQuery = z.infer<typeof EquityQuery>;

export const EquityRow = z.object({
  group: z.string(),
  enrolled: z.number().int().nullable(),
  participants: z.number().int().nullable(),
  rate: z.number().nullable(),
  suppressed: z.boolean(),
});
export const EquityReport = z.object({
  dimension: z.enum(EQUITY_DIMENSIONS),
  schoolYear: z.string(),
  rows: z.array(EquityRow),
  totals: EquityRow,
});
export type EquityReport = z.infer<typeof EquityReport>;

export const EmployerReportQuery = z.object({
  schoolYear: SchoolYear.optional().describe("Only this school year (default: every year with activity)"),
  ...ScopeQuery,
});
export type EmployerReportQuery = z.infer<typeof EmployerReportQuery>;

const LevelCounts = z.object({
  exposure: z.number().int(),
  engagement: z.number().int(),
  experience: z.number().int(),
  educator: z.number().int(),
});
const EmployerMeasures = {
  employers: z.number().int().describe("Employers with at least one completed experience"),
  byHighestLevel: LevelCounts.describe(
    "Employers by the highest continuum level they reached (educator-only activities count as educator)",
  ),
  asks: z.number().int().describe("Matches approved and sent to employers"),
  accepted: z.number().int().describe("Of those asks, accepted by the employer"),
  acceptRate: z.number().nullable(),
  hostAgainYes: z.number().int(),
  hostAgainAnswers: z
    .number()
    .int()
    .describe("Engagements with a 'would you host again?' answer (match feedback or placement evaluation)"),
  hostAgainRate: z.number().nullable(),
};
export const EmployerYearRow = z.object({ schoolYear: z.string(), ...EmployerMeasures });
export const ExposureOnlyEmployer = z.object({
  employerId: z.uuid(),
  name: z.string(),
  sectors: z.array(z.string()),
  experiences: z.number().int(),
  lastCompletedOn: z.string(),
});
export const EmployerReport = z.object({
  rows: z.array(EmployerYearRow),
  totals: z.object(EmployerMeasures),
  exposureOnly: z
    .array(ExposureOnlyEmployer)
    .describe("Employers who only ever did exposure activities: candidates to grow toward internships"),
});
export type EmployerReport = z.infer<typeof EmployerReport>;
