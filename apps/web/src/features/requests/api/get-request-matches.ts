import type { MatchSummary } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getRequestMatches = (requestId: string, signal?: AbortSignal) =>
  api<{ items: MatchSummary[] }>("/api/matches", { query: { requestId, pageSize: 100 }, signal }).then(
    (page) => page.items,
  );

export const requestMatchesQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: ["matches", "list", { requestId }],
    queryFn: ({ signal }) => getRequestMatches(requestId, signal),
  });

export function useRequestMatches(requestId: string) {
  return useQuery(requestMatchesQueryOptions(requestId));
}
