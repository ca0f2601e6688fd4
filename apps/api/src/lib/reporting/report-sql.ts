import { distinctGroupingFor, type GroupingDimension, schoolYearBounds } from "@bridgework/domain";
import { type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "./report-scope.ts";

/**
 * SQL shared by the reports. Experiences come from `report_experiences` (one row per completed
 * match or placement, kept by triggers; see docs/reporting.md), aliased `x`. Dates of
 * timestamps are UTC dates, as `schoolYearOf(Date)` takes them.
 */

/** Inclusive day range on completion; either end may be open. */
export interface DayRange {
  from?: string | null;
  to?: string | null;
}

export function schoolYearRange(schoolYear: string): Required<DayRange> {
  return schoolYearBounds(schoolYear);
}

/** WHERE conditions for experiences of a scope and day range (the (region_id, completed_on) index finds them). */
export function experienceWhere(scope: ReportScope, range: DayRange = {}): SQL {
  const parts: SQL[] = [sql`x.region_id = ${scope.regionId}`];
  if (range.from) parts.push(sql`x.completed_on >= ${range.from}::date`);
  if (range.to) parts.push(sql`x.completed_on <= ${range.to}::date`);
  if (scope.districtId) parts.push(sql`x.district_id = ${scope.districtId}`);
  if (scope.schoolId) parts.push(sql`x.school_id = ${scope.schoolId}`);
  if (scope.pathwayId) parts.push(sql`x.pathway_id = ${scope.pathwayId}`);
  if (scope.kind) parts.push(sql`x.kind = ${scope.kind}`);
  if (scope.level) parts.push(sql`x.level = ${scope.level}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The students of the region with at least one completed experience in a school year, each
 * once: their first row of the year carries bit 0 of the first-row bits (DISTINCT_GROUPINGS[0],
 * migration 0011), so no DISTINCT over the year's ids is needed.
 */
export function schoolYearParticipants(regionId: string, schoolYear: string): SQL {
  const { from, to } = schoolYearRange(schoolYear);
  return sql`SELECT x.student_id FROM report_experiences x
    WHERE x.region_id = ${regionId} AND x.completed_on BETWEEN ${from}::date AND ${to}::date AND x.student_firsts & 1 <> 0`;
}

/** First year (e.g. 2025 for 2025-2026) of the school year a date column falls in: July 1 starts a year. */
export function schoolYearStartOf(day: SQL): SQL {
  return sql`extract(year FROM ${day} - interval '6 months')::int`;
}

/** "2025-2026" from a start-year expression. */
export function schoolYearLabel(start: SQL): SQL {
  return sql`(${start})::text || '-' || ((${start}) + 1)::text`;
}

/**
 * Employers of the region with the start year of the school year of their first completed
 * experience anywhere in the region (kept in report_employer_firsts by triggers).
 */
export function employerFirstYears(scope: ReportScope): SQL {
  return sql`
    SELECT f.employer_id, ${schoolYearStartOf(sql`f.first_completed_on`)} AS first_year
    FROM report_employer_firsts f WHERE f.region_id = ${scope.regionId}`;
}

/** `('guest_speaker','career_fair'), …`: every kind with itself and the kinds that may serve it. */
export function kindPairs(similar: Partial<Record<string, readonly string[]>>, kinds: readonly string[]): SQL {
  const pairs = kinds.flatMap((k) => [[k, k] as const, ...(similar[k] ?? []).map((s) => [k, s] as const)]);
  return sql.join(
    pairs.map(([a, b]) => sql`(${a}::wbl_kind, ${b}::wbl_kind)`),
    sql`, `,
  );
}

/** A rate rounded like suppressCells does, or null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 1000;
}

/** The distinct measures of a group: counted from the ids, or from a grouping's first-row bits (DISTINCT_GROUPINGS index). */
export function distinctMeasures(grouping: number | null): { students: SQL; employers: SQL; newEmployers: SQL } {
  const isNew = sql`fy.first_year = ${schoolYearStartOf(sql`x.completed_on`)}`;
  if (grouping === null) {
    return {
      students: sql`count(DISTINCT x.student_id) FILTER (WHERE x.student_id IS NOT NULL)`,
      employers: sql`count(DISTINCT x.employer_id)`,
      newEmployers: sql`count(DISTINCT x.employer_id) FILTER (WHERE ${isNew})`,
    };
  }
  // All rows of an employer in one partition share its school year, so the first row stands for it.
  const bit = firstsBit(grouping);
  return {
    students: sql`count(*) FILTER (WHERE x.student_firsts & ${bit} <> 0)`,
    employers: sql`count(*) FILTER (WHERE x.employer_firsts & ${bit} <> 0)`,
    newEmployers: sql`count(*) FILTER (WHERE x.employer_firsts & ${bit} <> 0 AND ${isNew})`,
  };
}

/** The first-row bits (DISTINCT_GROUPINGS index) that count distinct ids exactly for these groups, if any. */
export function distinctGroupingOf(scope: ReportScope, range: DayRange, dims: GroupingDimension[]): number | null {
  // Like a district or school filter: a partition's first row may fall outside a filter on a dimension the grouping does not have.
  if (
    (scope.pathwayId && !dims.includes("pathway")) ||
    (scope.kind && !dims.includes("kind")) ||
    (scope.level && !dims.includes("level"))
  )
    return null;
  return distinctGroupingFor({
    dims,
    from: range.from,
    to: range.to,
    districtFiltered: !!scope.districtId,
    schoolFiltered: !!scope.schoolId,
  });
}

/** The first-row bit of a DISTINCT_GROUPINGS index, as a literal. */
export function firstsBit(grouping: number): SQL {
  return sql.raw(String(1 << grouping));
}
