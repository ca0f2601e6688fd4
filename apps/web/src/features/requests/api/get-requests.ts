import type { RequestListItem } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface RequestsParams {
  mine?: boolean;
  page: number;
}

export interface RequestPage {
  items: RequestListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const getRequests = (params: RequestsParams, signal?: AbortSignal) =>
  api<RequestPage>("/api/requests", { query: { pageSize: 25, ...params }, signal });

export const requestsQueryOptions = (params?: RequestsParams) =>
  queryOptions({
    queryKey: params ? ["requests", "list", params] : ["requests", "list"],
    queryFn: ({ signal }) => getRequests(params ?? { page: 1 }, signal),
    placeholderData: keepPreviousData,
  });

export function useRequests(params: RequestsParams) {
  return useQuery(requestsQueryOptions(params));
}
