import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { type PlacementReport, placementReportQueryOptions } from "../api/get-placement-report.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { monthRows } from "../lib/dashboard-rows.ts";

/** Experiences per month over the last 12 whole months (whatever the chosen school year), every month listed. */
export function useTrendCard(period: DashboardPeriod) {
  const { months, monthList } = period;
  const select = useCallback(
    (report: PlacementReport) => ({ ...monthRows(report, monthList), totals: report.totals }),
    [monthList],
  );
  return useQuery({ ...placementReportQueryOptions({ groupBy: ["month"], ...months }), select });
}
