import { describe, expect, it } from "vitest";
import type { PlacementReport } from "../api/get-placement-report.ts";
import type { ReportDimension } from "../routes/report-search.ts";
import { type BuilderRow, buildCrossTab, layoutOf, uniqueGroupings } from "./cross-tab.ts";

const m = (experiences: number, students = experiences) => ({
  experiences,
  students,
  seats: experiences,
  hours: 0,
  employers: 1,
  newEmployers: 0,
});
const report = (groupBy: string[], rows: BuilderRow[], total: number, students = total): PlacementReport => ({
  groupBy: groupBy as PlacementReport["groupBy"],
  rows,
  totals: m(total, students),
});
const label = (dim: ReportDimension, row: BuilderRow) => String(dim === "school" ? row.school : (row[dim] ?? "—"));

describe("the report builder's cross-tab", () => {
  it("asks for the cells and each margin once", () => {
    expect(uniqueGroupings(layoutOf(["sector"]))).toEqual([["sector"]]);
    expect(uniqueGroupings(layoutOf(["sector", "level"]))).toEqual([["sector", "level"], ["sector"], ["level"]]);
    expect(uniqueGroupings(layoutOf(["sector", "level", "school"]))).toEqual([
      ["school", "sector", "level"],
      ["school", "sector"],
      ["level"],
      ["school", "level"],
      ["school"],
      ["sector"],
    ]);
  });

  it("fills missing combinations with 0 and takes totals from their own grouping (distinct counts do not add up)", () => {
    const reports = new Map([
      [
        "sector,level",
        report(
          ["sector", "level"],
          [
            { sector: "A", level: "exposure", ...m(2, 2) },
            { sector: "B", level: "experience", ...m(1, 1) },
          ],
          3,
          2,
        ),
      ],
      [
        "sector",
        report(
          ["sector"],
          [
            { sector: "A", ...m(2, 2) },
            { sector: "B", ...m(1, 1) },
          ],
          3,
          2,
        ),
      ],
      [
        "level",
        report(
          ["level"],
          [
            { level: "exposure", ...m(2, 2) },
            { level: "experience", ...m(1, 1) },
          ],
          3,
          2,
        ),
      ],
    ]);
    const tab = buildCrossTab(layoutOf(["sector", "level"]), reports, "students", label);
    expect(tab.columns).toEqual([
      { key: "exposure", label: "exposure" },
      { key: "experience", label: "experience" },
    ]);
    expect(tab.groups[0]!.rows.map((r) => [r.label, r.cells, r.total])).toEqual([
      ["A", [2, 0], 2],
      ["B", [0, 1], 1],
    ]);
    expect(tab.footer).toEqual({ cells: [2, 1], total: 2 });
    expect(tab.empty).toBe(false);
  });

  it("groups rows by the third dimension with a subtotal per group, keyed by ids for schools", () => {
    const s1 = { schoolId: "s1", school: "Eastside" };
    const s2 = { schoolId: "s2", school: "Valley" };
    const reports = new Map([
      [
        "school,sector,level",
        report(
          [],
          [
            { ...s1, sector: "A", level: "exposure", ...m(1) },
            { ...s2, sector: "A", level: "experience", ...m(2) },
            { ...s2, sector: "B", level: "exposure", ...m(4) },
          ],
          7,
        ),
      ],
      [
        "school,sector",
        report(
          [],
          [
            { ...s1, sector: "A", ...m(1) },
            { ...s2, sector: "A", ...m(2) },
            { ...s2, sector: "B", ...m(4) },
          ],
          7,
        ),
      ],
      [
        "level",
        report(
          [],
          [
            { level: "exposure", ...m(5) },
            { level: "experience", ...m(2) },
          ],
          7,
        ),
      ],
      [
        "school,level",
        report(
          [],
          [
            { ...s1, level: "exposure", ...m(1) },
            { ...s2, level: "exposure", ...m(4) },
            { ...s2, level: "experience", ...m(2) },
          ],
          7,
        ),
      ],
      [
        "school",
        report(
          [],
          [
            { ...s1, ...m(1) },
            { ...s2, ...m(6) },
          ],
          7,
        ),
      ],
      [
        "sector",
        report(
          [],
          [
            { sector: "A", ...m(3) },
            { sector: "B", ...m(4) },
          ],
          7,
        ),
      ],
    ]);
    const tab = buildCrossTab(layoutOf(["sector", "level", "school"]), reports, "experiences", label);
    expect(
      tab.groups.map((g) => [
        g.label,
        g.rows.map((r) => [r.label, ...r.cells, r.total]),
        [...g.subtotal!.cells, g.subtotal!.total],
      ]),
    ).toEqual([
      ["Eastside", [["A", 1, 0, 1]], [1, 0, 1]],
      [
        "Valley",
        [
          ["A", 0, 2, 2],
          ["B", 4, 0, 4],
        ],
        [4, 2, 6],
      ],
    ]);
    expect(tab.footer).toEqual({ cells: [5, 2], total: 7 });
    expect(tab.overall.map((r) => [r.label, r.total])).toEqual([
      ["A", 3],
      ["B", 4],
    ]);
  });
});
