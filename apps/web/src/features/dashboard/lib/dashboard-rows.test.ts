import { describe, expect, it } from "vitest";
import type { EmployerMeasures } from "../api/get-employer-report.ts";
import type { PlacementReport, PlacementReportRow } from "../api/get-placement-report.ts";
import type { UnmetDemandRow } from "../api/get-unmet-demand.ts";
import { dashboardPeriod } from "./dashboard-period.ts";
import {
  employerLevelRows,
  employerLevelsCsv,
  levelRows,
  monthRows,
  NO_MEASURES,
  sectorRows,
  topUnmetSectors,
} from "./dashboard-rows.ts";

const m = (experiences: number) => ({
  experiences,
  students: experiences,
  seats: experiences,
  hours: experiences * 2,
  employers: 1,
  newEmployers: 0,
});
const report = (groupBy: PlacementReport["groupBy"], rows: PlacementReportRow[]): PlacementReport => ({
  groupBy,
  rows,
  totals: m(rows.reduce((n, r) => n + r.experiences, 0)),
});
const demand = (sector: string, studentsWaiting: number, requests = 1): UnmetDemandRow => ({
  sector,
  kind: "internship",
  level: "experience",
  schoolId: "s",
  school: "S",
  requests,
  open: requests,
  expired: 0,
  studentsWaiting,
});

describe("the dashboard's period", () => {
  it("is the chosen school year, the one before, and the 12 months ending today", () => {
    expect(dashboardPeriod("2025-2026", new Date("2026-12-03T10:00:00Z"))).toEqual({
      schoolYear: "2025-2026",
      previous: "2024-2025",
      range: { from: "2025-07-01", to: "2026-06-30" },
      previousRange: { from: "2024-07-01", to: "2025-06-30" },
      months: { from: "2026-01-01", to: "2026-12-31" },
      monthList: [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
      ],
    });
  });
});

describe("the dashboard cards' rows", () => {
  it("lists continuum levels in continuum order and leaves out those without experiences", () => {
    const rows = levelRows(
      report(
        ["level"],
        [
          { level: "experience", ...m(3) },
          { level: "exposure", ...m(5) },
          { level: "educator", ...m(0) },
        ],
      ),
    );
    expect(rows.map((r) => r.level)).toEqual(["exposure", "experience"]);
    expect(rows[1]!.m.experiences).toBe(3);
    expect(levelRows(report(["level"], []))).toEqual([]);
  });

  it("puts the sector with the most experiences first and keeps the API's order on ties", () => {
    const rows = sectorRows(
      report(
        ["sector"],
        [
          { sector: "A", ...m(1) },
          { sector: "B", ...m(4) },
          { sector: "C", ...m(1) },
        ],
      ),
    );
    expect(rows.map((r) => r.sector)).toEqual(["B", "A", "C"]);
  });

  it("gives every month of the trend a row, empty months as zeros, and knows when all are empty", () => {
    const trend = monthRows(report(["month"], [{ month: "2026-02", ...m(2) }]), ["2026-01", "2026-02", "2026-03"]);
    expect(trend.rows).toEqual([
      { month: "2026-01", m: NO_MEASURES },
      { month: "2026-02", m: { month: "2026-02", ...m(2) } },
      { month: "2026-03", m: NO_MEASURES },
    ]);
    expect(trend.hasData).toBe(true);
    expect(monthRows(report(["month"], [{ month: "2025-12", ...m(2) }]), ["2026-01"]).hasData).toBe(false);
  });

  it("sums unmet demand by sector and keeps the sectors with the most students waiting, then the most requests", () => {
    const rows = [
      demand("A", 5, 1),
      demand("B", 3, 1),
      demand("A", 1, 2),
      demand("C", 3, 4),
      ...Array.from({ length: 8 }, (_, i) => demand(`Z${i}`, 0)),
    ];
    const top = topUnmetSectors(rows);
    expect(top).toHaveLength(8);
    expect(top.slice(0, 3)).toEqual([
      { sector: "A", requests: 3, open: 3, expired: 0, studentsWaiting: 6 },
      { sector: "C", requests: 4, open: 4, expired: 0, studentsWaiting: 3 },
      { sector: "B", requests: 1, open: 1, expired: 0, studentsWaiting: 3 },
    ]);
    expect(topUnmetSectors(rows, 2).map((s) => s.sector)).toEqual(["A", "C"]);
  });

  it("counts employers at every continuum level, zeros included, and writes the CSV with a total", () => {
    const totals = {
      employers: 7,
      byHighestLevel: { exposure: 4, engagement: 0, experience: 2, educator: 1 },
    } as EmployerMeasures;
    const rows = employerLevelRows(totals);
    expect(rows).toEqual([
      { level: "exposure", count: 4 },
      { level: "engagement", count: 0 },
      { level: "experience", count: 2 },
      { level: "educator", count: 1 },
    ]);
    expect(employerLevelsCsv(rows, totals.employers)).toEqual([
      ["level", "employers"],
      ["exposure", 4],
      ["engagement", 0],
      ["experience", 2],
      ["educator", 1],
      ["total", 7],
    ]);
  });
});
