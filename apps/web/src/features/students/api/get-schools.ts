import type { Organization } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** The schools a person may see (a district has tens, so one page of 100 covers it). */
export const getSchools = (signal?: AbortSignal) =>
  api<{ items: Organization[] }>("/api/organizations", { query: { type: "school", page: 1, pageSize: 100 }, signal }).then((page) => page.items);

export const schoolsQueryOptions = () => queryOptions({ queryKey: ["organizations", "schools"], queryFn: ({ signal }) => getSchools(signal), staleTime: 5 * 60_000 });

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
