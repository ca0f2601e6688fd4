import type { CreateOrganization, Organization, UpdateOrganization } from "@bridgework/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** The region's districts, for a new school's district (a region has a handful). */
export function useDistricts(enabled: boolean) {
  return useQuery({
    queryKey: ["organizations", "type", "district"],
    queryFn: ({ signal }) =>
      api<{ items: Organization[] }>("/api/organizations", { query: { type: "district", pageSize: 100 }, signal }).then(
        (page) => page.items,
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Adds a school (intermediary); the lists of organizations refresh. */
export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganization) => api<Organization>("/api/organizations", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["organizations"] }),
  });
}

/** Edits an organization (intermediary); the lists of organizations refresh. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateOrganization }) =>
      api<Organization>(`/api/organizations/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["organizations"] }),
  });
}
