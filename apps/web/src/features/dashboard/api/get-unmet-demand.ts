import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { inOwnTask } from "../../../lib/own-task.ts";

export interface UnmetDemandRow {
  sector: string;
  kind: string;
  level: string;
  schoolId: string;
  school: string;
  requests: number;
  open: number;
  expired: number;
  studentsWaiting: number;
}

export interface UnmetDemandReport {
  rows: UnmetDemandRow[];
  totals: { requests: number; open: number; expired: number; studentsWaiting: number };
}

export interface UnmetDemandParams {
  from?: string;
  to?: string;
}

export const getUnmetDemand = (params: UnmetDemandParams, signal?: AbortSignal) =>
  api<UnmetDemandReport>("/api/reports/unmet-demand", { query: { ...params }, signal });

export const unmetDemandQueryOptions = (params: UnmetDemandParams) =>
  queryOptions({
    queryKey: ["reports", "unmet-demand", params],
    queryFn: ({ signal }) => inOwnTask(() => getUnmetDemand(params, signal)),
  });

export function useUnmetDemand(params: UnmetDemandParams) {
  return useQuery(unmetDemandQueryOptions(params));
}
