import type { Organization } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** Employers of the region, for an intermediary posting on an employer's behalf (a region holds tens). */
export const getEmployers = (signal?: AbortSignal) =>
  api<{ items: Organization[] }>("/api/organizations", {
    query: { type: "employer", page: 1, pageSize: 100 },
    signal,
  }).then((page) => page.items);

export const employersQueryOptions = () =>
  queryOptions({
    queryKey: ["organizations", "employers"],
    queryFn: ({ signal }) => getEmployers(signal),
    staleTime: 5 * 60_000,
  });

export function useEmployers(enabled: boolean) {
  return useQuery({ ...employersQueryOptions(), enabled });
}
