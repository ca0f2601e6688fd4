import { type SQL, sql } from "drizzle-orm";
import type { CsvColumn } from "./csv-stream.ts";
import type { ReportScope } from "./report-scope.ts";
import type { ReportDimension } from "./report-schemas.ts";
import {
  type DayRange,
  distinctGroupingOf,
  distinctMeasures,
  employerFirstYears,
  experienceWhere,
  schoolYearLabel,
  schoolYearStartOf,
} from "./report-sql.ts";

interface Dimension {
  /** Grouping expression over report_experiences x. */
  group: SQL;
  /** Output columns over the aggregate `a` (its grouping column is `a.d`+index). */
  select: (col: SQL, alias: string) => SQL;
  join?: (col: SQL, alias: string) => SQL;
  order: (col: SQL, alias: string) => SQL;
  columns: CsvColumn[];
}

const named = (table: "organizations" | "pathways", idKey: string, nameKey: string): Omit<Dimension, "group"> => ({
  select: (col, alias) =>
    sql`${col} AS ${sql.identifier(idKey)}, ${sql.identifier(alias)}.name AS ${sql.identifier(nameKey)}`,
  join: (col, alias) =>
    sql`LEFT JOIN ${sql.identifier(table)} ${sql.identifier(alias)} ON ${sql.identifier(alias)}.id = ${col}`,
  order: (_col, alias) => sql`${sql.identifier(alias)}.name NULLS LAST`,
  columns: [
    { key: idKey, header: idKey },
    { key: nameKey, header: nameKey },
  ],
});

const plain = (key: string, out: (col: SQL) => SQL = (c) => c): Omit<Dimension, "group"> => ({
  select: (col) => sql`${out(col)} AS ${sql.identifier(key)}`,
  order: (col) => sql`${col} NULLS LAST`,
  columns: [{ key, header: key }],
});

const DIMENSIONS: Record<ReportDimension, Dimension> = {
  district: { group: sql`x.district_id`, ...named("organizations", "districtId", "district") },
  school: { group: sql`x.school_id`, ...named("organizations", "schoolId", "school") },
  pathway: { group: sql`x.pathway_id`, ...named("pathways", "pathwayId", "pathway") },
  // Byte-order collation: grouping sorts 200k keys per region-year, and sectors and months are ASCII (same order).
  sector: { group: sql`x.sector COLLATE "C"`, ...plain("sector") },
  level: { group: sql`x.level`, ...plain("level", (c) => sql`${c}::text`) },
  kind: { group: sql`x.kind`, ...plain("kind", (c) => sql`${c}::text`) },
  month: { group: sql`to_char(x.completed_on, 'YYYY-MM') COLLATE "C"`, ...plain("month") },
  schoolYear: { group: schoolYearStartOf(sql`x.completed_on`), ...plain("schoolYear", schoolYearLabel) },
};

const MEASURES: CsvColumn[] = ["experiences", "students", "seats", "hours", "employers", "newEmployers"].map((key) => ({
  key,
  header: key,
}));

/**
 * One statement over report_experiences: the measures per group, and (with totals) the same
 * measures over everything through GROUPING SETS, so the totals' distinct counts are exact
 * rather than sums of the rows and rows and totals come from one snapshot. Distinct students
 * and employers come from the read model's first-row bits when a kept grouping's partitions
 * are exactly the groups (a region's year by sector × level: a filtered count instead of
 * sorting 200,000 ids), else from the ids.
 */
export function placementReportSql(
  scope: ReportScope,
  range: DayRange,
  dims: ReportDimension[],
  withTotals: boolean,
): SQL {
  const specs = dims.map((d) => DIMENSIONS[d]);
  const groupCols = specs.map((s, i) => sql`${s.group} AS ${sql.identifier(`d${i}`)}`);
  const groupExprs = sql.join(
    specs.map((s) => s.group),
    sql`, `,
  );
  const groupBy =
    specs.length === 0
      ? sql``
      : withTotals
        ? sql`GROUP BY GROUPING SETS ((${groupExprs}), ())`
        : sql`GROUP BY ${groupExprs}`;
  const isTotal = specs.length === 0 ? sql`true` : withTotals ? sql`GROUPING(${specs[0]!.group}) = 1` : sql`false`;
  const groupings = { rows: distinctGroupingOf(scope, range, dims), totals: distinctGroupingOf(scope, range, []) };
  const forRows = distinctMeasures(specs.length === 0 ? groupings.totals : groupings.rows);
  const forTotals = distinctMeasures(groupings.totals);
  // Each aggregate is computed for both grouping sets; the row takes the one meant for it.
  const distinct = (key: keyof typeof forRows) =>
    specs.length === 0 || !withTotals || groupings.rows === groupings.totals
      ? forRows[key]
      : sql`CASE WHEN ${isTotal} THEN ${forTotals[key]} ELSE ${forRows[key]} END`;
  const col = (i: number) => sql`a.${sql.identifier(`d${i}`)}`;
  const alias = (i: number) => `n${i}`;
  return sql`
    WITH first_years AS (${employerFirstYears(scope)}),
    a AS (
      SELECT ${sql.join([...groupCols, sql`${isTotal} AS is_total`], sql`, `)},
        count(*)::int AS experiences,
        (${distinct("students")} + coalesce(sum(x.attended), 0))::int AS students,
        coalesce(sum(x.seats), 0)::int AS seats,
        round(coalesce(sum(x.hours), 0)::numeric, 2)::float8 AS hours,
        (${distinct("employers")})::int AS employers,
        (${distinct("newEmployers")})::int AS new_employers
      FROM report_experiences x LEFT JOIN first_years fy ON fy.employer_id = x.employer_id
      WHERE ${experienceWhere(scope, range)}
      ${groupBy}
    )
    SELECT ${sql.join(
      specs.map((s, i) => s.select(col(i), alias(i))),
      sql`, `,
    )}${specs.length ? sql`,` : sql``} a.experiences, a.students, a.seats, a.hours, a.employers, a.new_employers AS "newEmployers", a.is_total AS "isTotal"
    FROM a ${sql.join(
      specs.map((s, i) => (s.join ? s.join(col(i), alias(i)) : sql``)),
      sql` `,
    )}
    ORDER BY a.is_total${specs.length ? sql`, ` : sql``}${sql.join(
      specs.map((s, i) => s.order(col(i), alias(i))),
      sql`, `,
    )}`;
}

/** The named columns for the dims (`district` also brings `districtId`). */
export function outputColumns(dims: ReportDimension[]): CsvColumn[] {
  return [...dims.flatMap((d) => DIMENSIONS[d].columns), ...MEASURES];
}
