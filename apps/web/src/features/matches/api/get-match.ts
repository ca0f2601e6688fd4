import type { MatchDetail } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getMatch = (id: string, signal?: AbortSignal) =>
  api<MatchDetail>(`/api/matches/${encodeURIComponent(id)}`, { signal });

export const matchQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["matches", "detail", id], queryFn: ({ signal }) => getMatch(id, signal) });

export function useMatch(id: string) {
  return useQuery(matchQueryOptions(id));
}
