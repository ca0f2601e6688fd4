import type { Opportunity } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getOpportunity = (id: string, signal?: AbortSignal) =>
  api<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}`, { signal });

export const opportunityQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["opportunities", "detail", id], queryFn: ({ signal }) => getOpportunity(id, signal) });

export function useOpportunity(id: string) {
  return useQuery(opportunityQueryOptions(id));
}
