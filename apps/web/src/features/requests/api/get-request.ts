import type { WblRequest } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getRequest = (id: string, signal?: AbortSignal) =>
  api<WblRequest>(`/api/requests/${encodeURIComponent(id)}`, { signal });

export const requestQueryOptions = (id: string) =>
  queryOptions({ queryKey: ["requests", "detail", id], queryFn: ({ signal }) => getRequest(id, signal) });

export function useRequest(id: string) {
  return useQuery(requestQueryOptions(id));
}
