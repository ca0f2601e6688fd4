import type { Pathway } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface PathwayPage {
  items: Pathway[];
  total: number;
  page: number;
  pageSize: number;
}

export const getPathways = (page: number, signal?: AbortSignal) =>
  api<PathwayPage>("/api/pathways", { query: { page, pageSize: 25 }, signal });

export const pathwaysQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ["pathways", "list", { page }],
    queryFn: ({ signal }) => getPathways(page, signal),
    placeholderData: keepPreviousData,
  });

export function usePathways(page: number) {
  return useQuery(pathwaysQueryOptions(page));
}
