import type { Organization } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";

/**
 * Names for organization ids shown in other lists (a pathway's school, a user's organization).
 * A region holds tens of organizations, so the first 100 cover it; a missing one shows its id.
 */
export const organizationNamesQueryOptions = () =>
  queryOptions({
    queryKey: ["organizations", "names"],
    queryFn: async ({ signal }) => {
      const page = await api<{ items: Organization[] }>("/api/organizations", {
        query: { page: 1, pageSize: 100 },
        signal,
      });
      return new Map(page.items.map((org) => [org.id, org.name]));
    },
    staleTime: 5 * 60_000,
  });

export function useOrganizationNames(): (id: string) => string {
  const { data } = useQuery(organizationNamesQueryOptions());
  return (id) => data?.get(id) ?? "…";
}
