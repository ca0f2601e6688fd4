import { useQuery } from "@tanstack/react-query";
import { type PlacementReport, placementReportQueryOptions } from "../api/get-placement-report.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { sectorRows } from "../lib/dashboard-rows.ts";

const select = (report: PlacementReport) => ({ rows: sectorRows(report), totals: report.totals });

/** Experiences by sector in the school year, the busiest sector first. */
export function useSectorsCard(period: DashboardPeriod) {
  return useQuery({ ...placementReportQueryOptions({ groupBy: ["sector"], ...period.range }), select });
}
