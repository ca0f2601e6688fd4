import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** One row of GET /api/audit: who (with their organization) read or changed what, when. */
export interface HistoryEntry {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  actor: { id: string; name: string; role: string; organization: { id: string; name: string } | null } | null;
  at: string;
}

/**
 * Everything anyone did with one student's record, newest first: the district sees the region's
 * intermediary's reads too. Fetched when the history opens, never kept afterwards.
 */
export const studentHistoryQueryOptions = (studentId: string) =>
  queryOptions({
    queryKey: ["students", "history", studentId],
    queryFn: ({ signal }) =>
      api<{ items: HistoryEntry[] }>("/api/audit", { query: { entityId: studentId, pageSize: 100 }, signal }),
    gcTime: 0,
    staleTime: 0,
  });

export function useStudentHistory(studentId: string) {
  return useQuery(studentHistoryQueryOptions(studentId));
}
