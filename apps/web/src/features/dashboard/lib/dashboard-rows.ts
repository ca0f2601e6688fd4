import { type Level, LEVELS } from "@bridgework/domain";
import type { EmployerMeasures } from "../api/get-employer-report.ts";
import type { PlacementMeasures, PlacementReport, PlacementReportRow } from "../api/get-placement-report.ts";
import type { UnmetDemandRow } from "../api/get-unmet-demand.ts";

/**
 * The dashboard cards' arithmetic, apart from React: each takes what the API sent and returns the
 * rows a card draws (bars and table alike), in the order it draws them.
 */

export const NO_MEASURES: PlacementMeasures = {
  experiences: 0,
  students: 0,
  seats: 0,
  hours: 0,
  employers: 0,
  newEmployers: 0,
};

/** Continuum levels in continuum order, only those with experiences. */
export function levelRows(report: PlacementReport): { level: Level; m: PlacementMeasures }[] {
  return LEVELS.map((level) => ({ level, m: report.rows.find((r) => r.level === level) ?? NO_MEASURES })).filter(
    (r) => r.m.experiences > 0,
  );
}

/** Sectors, most experiences first (ties keep the API's order). */
export function sectorRows(report: PlacementReport): PlacementReportRow[] {
  return [...report.rows].sort((a, b) => b.experiences - a.experiences);
}

/** One row per month of `months`, months without experiences as zeros; `hasData` is false when every month is zero. */
export function monthRows(
  report: PlacementReport,
  months: string[],
): { rows: { month: string; m: PlacementMeasures }[]; hasData: boolean } {
  const rows = months.map((month) => ({ month, m: report.rows.find((r) => r.month === month) ?? NO_MEASURES }));
  return { rows, hasData: rows.some((r) => r.m.experiences > 0) };
}

export interface SectorDemand {
  sector: string;
  requests: number;
  open: number;
  expired: number;
  studentsWaiting: number;
}

/**
 * Unmet demand summed by sector over kinds, levels and schools; the `limit` sectors with the
 * most students waiting (then the most requests) first.
 */
export function topUnmetSectors(rows: UnmetDemandRow[], limit = 8): SectorDemand[] {
  const bySector = new Map<string, SectorDemand>();
  for (const r of rows) {
    const e = bySector.get(r.sector) ?? { sector: r.sector, requests: 0, open: 0, expired: 0, studentsWaiting: 0 };
    e.requests += r.requests;
    e.open += r.open;
    e.expired += r.expired;
    e.studentsWaiting += r.studentsWaiting;
    bySector.set(r.sector, e);
  }
  return [...bySector.values()]
    .sort((a, b) => b.studentsWaiting - a.studentsWaiting || b.requests - a.requests)
    .slice(0, limit);
}

/** Employers by the highest continuum level they have hosted, every level (zeros too), in continuum order. */
export function employerLevelRows(totals: EmployerMeasures): { level: Level; count: number }[] {
  return LEVELS.map((level) => ({ level, count: totals.byHighestLevel[level] }));
}

/** The employer card's CSV (the API serves that report only as JSON): a header, a row per level, the total. */
export function employerLevelsCsv(rows: { level: Level; count: number }[], total: number): (string | number)[][] {
  return [["level", "employers"], ...rows.map(({ level, count }) => [level, count]), ["total", total]];
}
