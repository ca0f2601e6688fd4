import type { GroupingDimension, Level } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { inOwnTask } from "../../../lib/own-task.ts";

export interface PlacementMeasures {
  experiences: number;
  students: number;
  seats: number;
  hours: number;
  employers: number;
  newEmployers: number;
}

export interface PlacementReportRow extends PlacementMeasures {
  district?: string | null;
  school?: string | null;
  pathway?: string | null;
  sector?: string;
  level?: Level;
  kind?: string;
  month?: string;
  schoolYear?: string;
}

export interface PlacementReport {
  groupBy: GroupingDimension[];
  rows: PlacementReportRow[];
  totals: PlacementMeasures;
}

export interface PlacementReportParams {
  groupBy: GroupingDimension[];
  from?: string;
  to?: string;
}

export const placementReportQuery = (params: PlacementReportParams) => ({
  groupBy: params.groupBy.join(","),
  from: params.from,
  to: params.to,
});

export const getPlacementReport = (params: PlacementReportParams, signal?: AbortSignal) =>
  api<PlacementReport>("/api/reports/placements", { query: placementReportQuery(params), signal });

export const placementReportQueryOptions = (params: PlacementReportParams) =>
  queryOptions({
    queryKey: ["reports", "placements", params],
    queryFn: ({ signal }) => inOwnTask(() => getPlacementReport(params, signal)),
  });

export function usePlacementReport(params: PlacementReportParams) {
  return useQuery(placementReportQueryOptions(params));
}
