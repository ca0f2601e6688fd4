import type { Organization } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";

/**
 * The schools a person may see, in the caller's region (the API scopes it): a roster's school
 * choices, or a coordinator or intermediary asking on a school's behalf. A district has tens, so
 * one page of 100 covers it.
 */
export const getSchools = (signal?: AbortSignal) =>
  api<{ items: Organization[] }>("/api/organizations", {
    query: { type: "school", page: 1, pageSize: 100 },
    signal,
  }).then((page) => page.items);

export const schoolsQueryOptions = () =>
  queryOptions({
    queryKey: ["organizations", "schools"],
    queryFn: ({ signal }) => getSchools(signal),
    staleTime: 5 * 60_000,
  });

/** `enabled: false` skips the request (a teacher asks for their own school only). */
export function useSchools(enabled = true) {
  return useQuery({ ...schoolsQueryOptions(), enabled });
}
