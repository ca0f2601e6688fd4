import type { Pathway } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** The pathways of one school, for the request form. */
export const getSchoolPathways = (schoolId: string, signal?: AbortSignal) =>
  api<{ items: Pathway[] }>("/api/pathways", { query: { schoolId, pageSize: 100 }, signal }).then((page) => page.items);

export const schoolPathwaysQueryOptions = (schoolId: string) =>
  queryOptions({
    queryKey: ["pathways", "school", schoolId],
    queryFn: ({ signal }) => getSchoolPathways(schoolId, signal),
    staleTime: 5 * 60_000,
  });

export function useSchoolPathways(schoolId: string | undefined) {
  return useQuery({ ...schoolPathwaysQueryOptions(schoolId ?? ""), enabled: Boolean(schoolId) });
}
