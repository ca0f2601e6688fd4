import type { DistrictExport, Organization } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { downloadFile } from "../../../lib/download.ts";

/** The region's districts, for an intermediary to choose one (a region has a handful). */
export function useDistrictChoices(enabled: boolean) {
  return useQuery({
    queryKey: ["organizations", "type", "district"],
    queryFn: ({ signal }) =>
      api<{ items: Organization[] }>("/api/organizations", { query: { type: "district", pageSize: 100 }, signal }).then(
        (page) => page.items,
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export const districtExportsQueryOptions = (districtId: string) =>
  queryOptions({
    queryKey: ["district-exports", districtId],
    queryFn: ({ signal }) => api<DistrictExport[]>(`/api/districts/${districtId}/exports`, { signal }),
    // While an export is being built, ask again every second: that is the progress bar.
    refetchInterval: (query) =>
      query.state.data?.some((e) => e.status === "queued" || e.status === "running") ? 1000 : false,
  });

/** The district's recent exports, newest first (GET /api/districts/:id/exports). */
export function useDistrictExports(districtId: string | null) {
  return useQuery({ ...districtExportsQueryOptions(districtId ?? ""), enabled: Boolean(districtId) });
}

/** Starts an export (or finds the one already running); the list is refetched and then polled. */
export function useStartDistrictExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (districtId: string) => api<DistrictExport>(`/api/districts/${districtId}/export`, { method: "POST" }),
    onSettled: (_data, _error, districtId) =>
      queryClient.invalidateQueries({ queryKey: districtExportsQueryOptions(districtId).queryKey }),
  });
}

export const downloadDistrictExport = (item: DistrictExport) =>
  downloadFile(`/api/districts/${item.districtId}/exports/${item.id}/download`, {
    accept: "application/zip",
    filename: item.fileName ?? "district-export.zip",
  });
