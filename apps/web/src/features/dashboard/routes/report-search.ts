import {
  type GroupingDimension,
  isSchoolYear,
  KINDS,
  type Kind,
  LEVELS,
  type Level,
  schoolYearOf,
} from "@bridgework/domain";

export const REPORT_DIMENSIONS = [
  "sector",
  "level",
  "kind",
  "month",
  "schoolYear",
  "district",
  "school",
  "pathway",
] as const satisfies readonly GroupingDimension[];
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];
export const REPORT_MEASURES = ["experiences", "students", "seats", "hours", "employers", "newEmployers"] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

/**
 * The report builder's choices, all in the URL so a report can be bookmarked. `by` is
 * "rows,columns,groups" (columns and groups optional). A school year (`year`) or, without one,
 * a custom `from`/`to` range.
 */
export interface ReportSearch {
  by: string;
  measure: ReportMeasure;
  year?: string;
  from?: string;
  to?: string;
  districtId?: string;
  schoolId?: string;
  pathwayId?: string;
  kind?: Kind;
  level?: Level;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dimensions from `by`: known names only, no repeats, at most three; rows default to sector × level. */
export function dimensionsOf(by: string | undefined): ReportDimension[] {
  const names = (by ?? "")
    .split(",")
    .filter((n): n is ReportDimension => (REPORT_DIMENSIONS as readonly string[]).includes(n));
  const dims = [...new Set(names)].slice(0, 3);
  return dims.length ? dims : ["sector", "level"];
}

const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** Tolerant: a hand-edited URL with unknown values falls back instead of failing. */
export function validateReportSearch(search: Record<string, unknown>, today = new Date()): ReportSearch {
  const year = text(search.year);
  const validYear = year && isSchoolYear(year) ? year : undefined;
  const from = text(search.from);
  const to = text(search.to);
  const day = (v: string | undefined) => (v && DAY.test(v) ? v : undefined);
  const id = (v: unknown) => (typeof v === "string" && UUID.test(v) ? v : undefined);
  const custom = !validYear && (day(from) || day(to));
  return {
    by: dimensionsOf(text(search.by)).join(","),
    measure: REPORT_MEASURES.find((m) => m === search.measure) ?? "experiences",
    year: custom ? undefined : (validYear ?? schoolYearOf(today)),
    from: custom ? day(from) : undefined,
    to: custom ? day(to) : undefined,
    districtId: id(search.districtId),
    schoolId: id(search.schoolId),
    pathwayId: id(search.pathwayId),
    kind: KINDS.find((k) => k === search.kind),
    level: LEVELS.find((l) => l === search.level),
  };
}
