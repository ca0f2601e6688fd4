import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import type { PlacementReport } from "./get-placement-report.ts";

export const PLACEMENTS_PATH = "/api/reports/placements";

/** The placement report's filters, as query parameters (unset ones are left out). */
export interface ReportFilters {
  from?: string;
  to?: string;
  districtId?: string;
  schoolId?: string;
  pathwayId?: string;
  kind?: string;
  level?: string;
}

const getReport = (groupBy: string[], filters: ReportFilters, signal?: AbortSignal) =>
  api<PlacementReport>(PLACEMENTS_PATH, { query: { groupBy: groupBy.join(","), ...filters }, signal });

/**
 * One placement report per grouping, same filters: the cells and each margin come from their
 * own grouping, so totals of distinct students and employers are exact, not sums.
 */
export function usePlacementReports(groupings: string[][], filters: ReportFilters, enabled = true) {
  return useQueries({
    queries: groupings.map((groupBy) => ({
      queryKey: ["reports", "placements", "builder", groupBy, filters],
      queryFn: ({ signal }: { signal: AbortSignal }) => getReport(groupBy, filters, signal),
      placeholderData: keepPreviousData,
      enabled,
    })),
  });
}
