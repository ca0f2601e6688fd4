import type { PlacementMeasures, PlacementReport, PlacementReportRow } from "../api/get-placement-report.ts";
import type { ReportDimension, ReportMeasure } from "../routes/report-search.ts";

/** A report row as the API sends it: organization and pathway dimensions come with their ids. */
export type BuilderRow = PlacementReportRow & {
  districtId?: string | null;
  schoolId?: string | null;
  pathwayId?: string | null;
};

export interface Layout {
  rows: ReportDimension;
  columns: ReportDimension | null;
  groups: ReportDimension | null;
}

/** `by` as rows, then optional columns, then optional groups. */
export function layoutOf(dims: ReportDimension[]): Layout {
  return { rows: dims[0]!, columns: dims[1] ?? null, groups: dims[2] ?? null };
}

/**
 * The groupings the table needs, each its own report (same filters): the cells, then every
 * margin at its own level so distinct counts in totals are exact. `cells` is also the CSV's.
 */
export function groupingsOf(layout: Layout) {
  const { rows: r, columns: c, groups: g } = layout;
  const pre = g ? [g] : [];
  const post = c ? [c] : [];
  return {
    cells: [...pre, r, ...post],
    rowTotals: [...pre, r],
    columnTotals: c ? [c] : null,
    groupCells: g ? [g, ...post] : null,
    groupTotals: g ? [g] : null,
    /** The chart: one bar per row value, over all groups. */
    overall: [r],
  };
}

/** The distinct groupings of a layout, in a stable order, for fetching once each. */
export function uniqueGroupings(layout: Layout): string[][] {
  const all = Object.values(groupingsOf(layout)).filter((g): g is ReportDimension[] => g !== null);
  const seen = new Map<string, string[]>();
  for (const g of all) seen.set(g.join(","), g);
  return [...seen.values()];
}

export function keyOf(dim: ReportDimension, row: BuilderRow): string {
  if (dim === "district") return row.districtId ?? "";
  if (dim === "school") return row.schoolId ?? "";
  if (dim === "pathway") return row.pathwayId ?? "";
  return String(row[dim] ?? "");
}

export interface AxisValue {
  key: string;
  label: string;
}
export interface TabRow extends AxisValue {
  cells: number[];
  total: number;
}
export interface TabGroup extends AxisValue {
  rows: TabRow[];
  subtotal: TabRow | null;
}
export interface CrossTab {
  columns: AxisValue[] | null;
  groups: TabGroup[];
  footer: { cells: number[]; total: number };
  /** Row totals over all groups, in the API's order, for the chart. */
  overall: TabRow[];
  empty: boolean;
}

type Labeler = (dim: ReportDimension, row: BuilderRow) => string;

/**
 * The table from the reports of `uniqueGroupings(layout)` (by their joined names): rows × columns
 * cells, row totals, per-group subtotals and the column totals, for one measure. Combinations
 * without an experience are 0.
 */
export function buildCrossTab(
  layout: Layout,
  reports: Map<string, PlacementReport>,
  measure: ReportMeasure,
  label: Labeler,
): CrossTab {
  const g = groupingsOf(layout);
  const get = (dims: string[] | null) => (dims ? reports.get(dims.join(",")) : undefined);
  const cells = get(g.cells);
  const value = (m: PlacementMeasures | undefined) => (m ? m[measure] : 0);
  const rowsOf = (dims: string[] | null) => (get(dims)?.rows ?? []) as BuilderRow[];
  const index = (dims: ReportDimension[], rows: BuilderRow[]) =>
    new Map(rows.map((row) => [dims.map((d) => keyOf(d, row)).join("\u0000"), row]));

  const { rows: r, columns: c, groups: gr } = layout;
  const columns = c ? rowsOf(g.columnTotals).map((row) => ({ key: keyOf(c, row), label: label(c, row) })) : null;
  const cellIndex = index(g.cells as ReportDimension[], rowsOf(g.cells));
  const groupCellIndex = g.groupCells
    ? index(g.groupCells as ReportDimension[], rowsOf(g.groupCells))
    : new Map<string, BuilderRow>();
  const groupTotalIndex = g.groupTotals
    ? index(g.groupTotals as ReportDimension[], rowsOf(g.groupTotals))
    : new Map<string, BuilderRow>();
  const k = (...parts: string[]) => parts.join("\u0000");

  const rowTotals = rowsOf(g.rowTotals);
  const groupValues: AxisValue[] = gr
    ? rowsOf(g.groupTotals).map((row) => ({ key: keyOf(gr, row), label: label(gr, row) }))
    : [{ key: "", label: "" }];

  const groups: TabGroup[] = groupValues.map((group) => {
    const pre = gr ? [group.key] : [];
    const rows = rowTotals
      .filter((row) => !gr || keyOf(gr, row) === group.key)
      .map((row) => {
        const key = keyOf(r, row);
        return {
          key,
          label: label(r, row),
          cells: columns ? columns.map((col) => value(cellIndex.get(k(...pre, key, col.key)))) : [],
          total: value(row),
        };
      });
    const subtotal = gr
      ? {
          key: group.key,
          label: group.label,
          cells: columns ? columns.map((col) => value(groupCellIndex.get(k(group.key, col.key)))) : [],
          total: value(groupTotalIndex.get(group.key)),
        }
      : null;
    return { ...group, rows, subtotal };
  });

  const overall = rowsOf(g.overall).map((row) => ({
    key: keyOf(r, row),
    label: label(r, row),
    cells: [],
    total: value(row),
  }));
  return {
    columns,
    groups,
    footer: { cells: columns ? rowsOf(g.columnTotals).map((row) => value(row)) : [], total: value(cells?.totals) },
    overall,
    empty: (cells?.rows.length ?? 0) === 0,
  };
}
