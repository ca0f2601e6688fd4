import type { Organization, OrganizationType } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface OrganizationsParams {
  type?: OrganizationType;
  q?: string;
  page: number;
  pageSize?: number;
}

export interface OrganizationPage {
  items: Organization[];
  total: number;
  page: number;
  pageSize: number;
}

export const getOrganizations = (params: OrganizationsParams, signal?: AbortSignal) =>
  api<OrganizationPage>("/api/organizations", { query: { pageSize: 25, ...params }, signal });

export const organizationsQueryOptions = (params: OrganizationsParams) =>
  queryOptions({
    queryKey: ["organizations", "list", params],
    queryFn: ({ signal }) => getOrganizations(params, signal),
    placeholderData: keepPreviousData,
  });

export function useOrganizations(params: OrganizationsParams) {
  return useQuery(organizationsQueryOptions(params));
}
