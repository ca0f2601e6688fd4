import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { inOwnTask } from "../../../lib/own-task.ts";

/** A record the export leaves out: whose it is and which required fields it misses. */
export interface CalpadsIssueRow {
  placementId: string;
  studentId: string;
  localId: string;
  firstName: string;
  lastName: string;
  school: string;
  kind: string;
  wblTypeCode: string;
  reasons: { code: "ssid" | "stateCourseCode" | "hours"; message: string }[];
}

export interface CalpadsValidation {
  schoolYear: string;
  rows: CalpadsIssueRow[];
  totals: { records: number; exported: number; withIssues: number };
}

export const CALPADS_CSV_PATH = "/api/exports/calpads-wbl.csv";
/** Records listed on the dashboard; the counts cover them all. */
export const CALPADS_LISTED = 50;

export const getCalpadsValidation = (schoolYear: string, signal?: AbortSignal) =>
  api<CalpadsValidation>("/api/exports/calpads-wbl/validation", {
    query: { schoolYear, pageSize: CALPADS_LISTED },
    signal,
  });

export const calpadsValidationQueryOptions = (schoolYear: string) =>
  queryOptions({
    queryKey: ["exports", "calpads-validation", schoolYear],
    queryFn: ({ signal }) => inOwnTask(() => getCalpadsValidation(schoolYear, signal)),
  });

export function useCalpadsValidation(schoolYear: string) {
  return useQuery(calpadsValidationQueryOptions(schoolYear));
}
