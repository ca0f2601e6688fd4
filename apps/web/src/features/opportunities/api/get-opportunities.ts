import type { Kind, Modality, Opportunity, OpportunityStatus, Sector } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface OpportunitiesParams {
  q?: string;
  kind?: Kind;
  sector?: Sector;
  modality?: Modality;
  status?: OpportunityStatus;
  page: number;
}

export interface OpportunityPage {
  items: Opportunity[];
  total: number;
  page: number;
  pageSize: number;
}

export const getOpportunities = (params: OpportunitiesParams, signal?: AbortSignal) =>
  api<OpportunityPage>("/api/opportunities", { query: { pageSize: 25, ...params }, signal });

export const opportunitiesQueryOptions = (params?: OpportunitiesParams) =>
  queryOptions({
    queryKey: params ? ["opportunities", "list", params] : ["opportunities", "list"],
    queryFn: ({ signal }) => getOpportunities(params ?? { page: 1 }, signal),
    placeholderData: keepPreviousData,
  });

export function useOpportunities(params: OpportunitiesParams) {
  return useQuery(opportunitiesQueryOptions(params));
}
