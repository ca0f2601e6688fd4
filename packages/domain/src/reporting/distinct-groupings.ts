import { utc } from "@date-fns/utc";
import { isLastDayOfMonth as lastDayOfMonth, parseISO } from "date-fns";
import { schoolYearOf } from "./school-year.ts";

export type GroupingDimension =
  | "district"
  | "school"
  | "pathway"
  | "sector"
  | "level"
  | "kind"
  | "month"
  | "schoolYear";

/**
 * Groupings whose distinct students and employers the read model keeps as first-row bits
 * (report_experiences.student_firsts / employer_firsts; bit i = grouping i — migration 0011's
 * report_firsts_refresh lists the same ones in the same order). A grouping's partitions are a
 * school year — or a month when it has `month` — times one value of each of its dimensions.
 */
export const DISTINCT_GROUPINGS: ReadonlyArray<readonly GroupingDimension[]> = [
  [],
  ["sector"],
  ["level"],
  ["kind"],
  ["month"],
  ["district"],
  ["school"],
  ["pathway"],
  ["sector", "level"],
  ["district", "kind"],
  ["district", "level"],
];

export interface DistinctQuestion {
  /** The report's groupBy (`schoolYear` adds the year to a group). */
  dims: readonly GroupingDimension[];
  /** Inclusive day range (YYYY-MM-DD); either end may be open. */
  from?: string | null;
  to?: string | null;
  districtFiltered: boolean;
  schoolFiltered: boolean;
}

/**
 * The index of the grouping whose partitions are exactly the groups this report asks for —
 * so its bits count each student and employer once per group — or null when the distinct ids
 * must be counted. That needs the same dimensions, a range covering whole partitions (school
 * years, or months), one school year per group (unless grouped by month or school year), and
 * district or school filters only on a dimension of the grouping (a partition's first row may
 * be in another district otherwise).
 */
export function distinctGroupingFor(q: DistinctQuestion): number | null {
  const own = q.dims.filter((d) => d !== "schoolYear");
  const index = DISTINCT_GROUPINGS.findIndex((g) => g.length === new Set(own).size && own.every((d) => g.includes(d)));
  if (index < 0) return null;
  if (q.districtFiltered && !own.includes("district")) return null;
  if (q.schoolFiltered && !own.includes("school")) return null;
  const byMonth = own.includes("month");
  if (q.from && !(byMonth ? q.from.endsWith("-01") : q.from.endsWith("-07-01"))) return null;
  if (q.to && !(byMonth ? isLastDayOfMonth(q.to) : q.to.endsWith("-06-30"))) return null;
  const oneYearPerGroup =
    byMonth || q.dims.includes("schoolYear") || (!!q.from && !!q.to && schoolYearOf(q.from) === schoolYearOf(q.to));
  return oneYearPerGroup ? index : null;
}

function isLastDayOfMonth(day: string): boolean {
  return lastDayOfMonth(parseISO(day, { in: utc }));
}
