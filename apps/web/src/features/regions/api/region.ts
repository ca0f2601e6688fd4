import type { Region, UpdateRegion } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { session } from "../../../lib/session.ts";

export const getRegion = (signal?: AbortSignal) => api<Region>("/api/region", { signal });
export const updateRegion = (input: UpdateRegion) => api<Region>("/api/region", { method: "PATCH", body: input });

export const regionQueryOptions = () =>
  queryOptions({ queryKey: ["region"], queryFn: ({ signal }) => getRegion(signal) });

export function useRegion() {
  return useQuery(regionQueryOptions());
}

/**
 * Saving moves every time the app shows to the new zone at once: the session's copy of the
 * region changes (the formatters read it), and the profile's copy is refetched.
 */
export function useUpdateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegion,
    onSuccess: (region) => {
      queryClient.setQueryData(regionQueryOptions().queryKey, region);
      const current = session.get();
      if (current.status === "authenticated")
        session.update({ ...current.user, region: { id: region.id, name: region.name, timeZone: region.timeZone } });
      void queryClient.invalidateQueries({ queryKey: ["me"] });
    },
  });
}
