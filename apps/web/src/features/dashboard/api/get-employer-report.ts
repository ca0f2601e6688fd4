import type { Level } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { inOwnTask } from "../../../lib/own-task.ts";

export interface EmployerMeasures {
  employers: number;
  byHighestLevel: Record<Level, number>;
  asks: number;
  accepted: number;
  acceptRate: number | null;
  hostAgainYes: number;
  hostAgainAnswers: number;
  hostAgainRate: number | null;
}

export interface ExposureOnlyEmployer {
  employerId: string;
  name: string;
  sectors: string[];
  experiences: number;
  lastCompletedOn: string;
}

export interface EmployerReport {
  rows: (EmployerMeasures & { schoolYear: string })[];
  totals: EmployerMeasures;
  exposureOnly: ExposureOnlyEmployer[];
}

export interface EmployerReportParams {
  schoolYear?: string;
}

export const getEmployerReport = (params: EmployerReportParams, signal?: AbortSignal) =>
  api<EmployerReport>("/api/reports/employers", { query: { ...params }, signal });

export const employerReportQueryOptions = (params: EmployerReportParams) =>
  queryOptions({
    queryKey: ["reports", "employers", params],
    queryFn: ({ signal }) => inOwnTask(() => getEmployerReport(params, signal)),
  });

export function useEmployerReport(params: EmployerReportParams) {
  return useQuery(employerReportQueryOptions(params));
}
