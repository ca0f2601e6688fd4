import type { Suggestion } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getSuggestions = (requestId: string, signal?: AbortSignal) =>
  api<Suggestion[]>(`/api/requests/${encodeURIComponent(requestId)}/suggestions`, { query: { limit: 10 }, signal });

export const suggestionsQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: ["requests", "suggestions", requestId],
    queryFn: ({ signal }) => getSuggestions(requestId, signal),
  });

export function useSuggestions(requestId: string, enabled: boolean) {
  return useQuery({ ...suggestionsQueryOptions(requestId), enabled });
}
