import type { Organization, Pathway } from "@bridgework/domain";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

interface Page<T> {
  items: T[];
}

/** The districts and schools of the region (by name), for the report's choosers. */
export function useOrganizationChoices(type: "district" | "school") {
  return useQuery({
    queryKey: ["organizations", "choices", type],
    queryFn: ({ signal }) => api<Page<Organization>>("/api/organizations", { query: { type, pageSize: 100 }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

export function usePathwayChoices() {
  return useQuery({
    queryKey: ["pathways", "choices"],
    queryFn: ({ signal }) => api<Page<Pathway>>("/api/pathways", { query: { pageSize: 100 }, signal }),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}
