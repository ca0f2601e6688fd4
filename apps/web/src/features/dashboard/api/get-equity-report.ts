import type { EquityDimension } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { inOwnTask } from "../../../lib/own-task.ts";

export interface EquityRow {
  group: string;
  enrolled: number | null;
  participants: number | null;
  rate: number | null;
  suppressed: boolean;
}

export interface EquityReport {
  dimension: EquityDimension;
  schoolYear: string;
  rows: EquityRow[];
  totals: EquityRow;
}

export interface EquityParams {
  dimension: EquityDimension;
  schoolYear: string;
}

export const getEquityReport = (params: EquityParams, signal?: AbortSignal) =>
  api<EquityReport>("/api/reports/equity", { query: { ...params }, signal });

export const equityReportQueryOptions = (params: EquityParams) =>
  queryOptions({
    queryKey: ["reports", "equity", params],
    queryFn: ({ signal }) => inOwnTask(() => getEquityReport(params, signal)),
    placeholderData: keepPreviousData,
  });

export function useEquityReport(params: EquityParams) {
  return useQuery(equityReportQueryOptions(params));
}
