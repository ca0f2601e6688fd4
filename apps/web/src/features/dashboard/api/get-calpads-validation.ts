import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface CalpadsValidation {
  schoolYear: string;
  totals: { records: number; exported: number; withIssues: number };
}

export const CALPADS_CSV_PATH = "/api/exports/calpads-wbl.csv";

/** Only the counts: one row of the records left out is enough. */
export const getCalpadsValidation = (schoolYear: string, signal?: AbortSignal) =>
  api<CalpadsValidation>("/api/exports/calpads-wbl/validation", { query: { schoolYear, pageSize: 1 }, signal });

export const calpadsValidationQueryOptions = (schoolYear: string) =>
  queryOptions({ queryKey: ["exports", "calpads-validation", schoolYear], queryFn: ({ signal }) => getCalpadsValidation(schoolYear, signal) });

export function useCalpadsValidation(schoolYear: string) {
  return useQuery(calpadsValidationQueryOptions(schoolYear));
}
