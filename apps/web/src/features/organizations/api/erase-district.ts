import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** `GET /api/districts/:id/erasures/:erasureId` (district-erase.routes.ts). */
export interface ErasureStatus {
  id: string;
  districtId: string;
  status: "running" | "done" | "failed";
  total: number;
  processed: number;
  counts: {
    students: number;
    placements: number;
    documents: number;
    emails: number;
    auditPseudonymized: number;
    reportRowsKept: number;
  };
  detail: string | null;
}

export const startDistrictErasure = (districtId: string, confirm: string) =>
  api<ErasureStatus>(`/api/districts/${districtId}/erase`, { method: "POST", body: { confirm } });

const erasureQuery = (districtId: string, erasureId: string) =>
  queryOptions({
    queryKey: ["district-erasure", districtId, erasureId],
    queryFn: ({ signal }) => api<ErasureStatus>(`/api/districts/${districtId}/erasures/${erasureId}`, { signal }),
    // Poll while it runs; a finished erasure does not change.
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
  });

/** The erasure's progress, polled until it is done or failed; `started` shows at once. */
export function useErasureProgress(started: ErasureStatus | null) {
  return useQuery({
    ...erasureQuery(started?.districtId ?? "", started?.id ?? ""),
    enabled: started !== null && started.status === "running",
    initialData: started ?? undefined,
  });
}
