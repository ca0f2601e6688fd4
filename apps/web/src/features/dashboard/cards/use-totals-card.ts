import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { usePlacementReport } from "../api/get-placement-report.ts";

/** One totals call per school year: each counts its distinct students and employers from the API's per-year first-row bits. */
export function useTotalsCard(period: DashboardPeriod) {
  const thisYear = usePlacementReport({ groupBy: [], ...period.range });
  const lastYear = usePlacementReport({ groupBy: [], ...period.previousRange });
  return { thisYear, lastYear };
}
