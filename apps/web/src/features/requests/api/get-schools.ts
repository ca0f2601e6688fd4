import type { Organization } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** Schools of the caller's region (the API scopes it), for a coordinator or intermediary asking on a school's behalf. */
export const getSchools = (signal?: AbortSignal) =>
  api<{ items: Organization[] }>("/api/organizations", { query: { type: "school", pageSize: 100 }, signal }).then((page) => page.items);

export const schoolsQueryOptions = () => queryOptions({ queryKey: ["organizations", "schools"], queryFn: ({ signal }) => getSchools(signal), staleTime: 5 * 60_000 });

export function useSchools(enabled: boolean) {
  return useQuery({ ...schoolsQueryOptions(), enabled });
}
