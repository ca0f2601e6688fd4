import type { MatchStatus, MatchSummary } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface MatchesParams {
  status?: MatchStatus;
  duplicateAsk?: boolean;
  page: number;
  pageSize?: number;
}

export interface MatchPage {
  items: MatchSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export const getMatches = (params: MatchesParams, signal?: AbortSignal) =>
  api<MatchPage>("/api/matches", { query: { pageSize: 25, ...params }, signal });

export const matchesQueryOptions = (params?: MatchesParams) =>
  queryOptions({
    queryKey: params ? ["matches", "list", params] : ["matches", "list"],
    queryFn: ({ signal }) => getMatches(params ?? { page: 1 }, signal),
    placeholderData: keepPreviousData,
  });

export function useMatches(params: MatchesParams) {
  return useQuery(matchesQueryOptions(params));
}
