import { useQuery } from "@tanstack/react-query";
import { type PlacementReport, placementReportQueryOptions } from "../api/get-placement-report.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { levelRows } from "../lib/dashboard-rows.ts";

const select = (report: PlacementReport) => ({ rows: levelRows(report), totals: report.totals });

/** Experiences by continuum level in the school year. */
export function useLevelsCard(period: DashboardPeriod) {
  return useQuery({ ...placementReportQueryOptions({ groupBy: ["level"], ...period.range }), select });
}
