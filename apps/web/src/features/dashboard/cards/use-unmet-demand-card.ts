import { useQuery } from "@tanstack/react-query";
import { type UnmetDemandReport, unmetDemandQueryOptions } from "../api/get-unmet-demand.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { topUnmetSectors } from "../lib/dashboard-rows.ts";

const select = (report: UnmetDemandReport) => ({ top: topUnmetSectors(report.rows), totals: report.totals });

/** The sectors where the most students wait for an experience in the school year. */
export function useUnmetDemandCard(period: DashboardPeriod) {
  return useQuery({ ...unmetDemandQueryOptions(period.range), select });
}
