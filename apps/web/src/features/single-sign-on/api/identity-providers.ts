import type {
  CreateIdentityProvider,
  IdentityProvider,
  Organization,
  UpdateIdentityProvider,
} from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

const KEY = ["identity-providers"] as const;

export const identityProvidersQueryOptions = () =>
  queryOptions({
    queryKey: KEY,
    queryFn: ({ signal }) => api<IdentityProvider[]>("/api/identity-providers", { signal }),
  });

export function useIdentityProviders() {
  return useQuery(identityProvidersQueryOptions());
}

/** The region's organizations of one type, for the form's choices (the first 100 by name). */
export function useOrganizationChoices(type: "district" | "school") {
  return useQuery({
    queryKey: ["organizations", "choices", type],
    queryFn: ({ signal }) =>
      api<{ items: Organization[] }>("/api/organizations", { signal, query: { type, pageSize: 100 } }),
    select: (page) => page.items.map((o) => ({ value: o.id, label: o.name })),
  });
}

export function useSaveIdentityProvider(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIdentityProvider | UpdateIdentityProvider) =>
      id
        ? api<IdentityProvider>(`/api/identity-providers/${id}`, { method: "PATCH", body: input })
        : api<IdentityProvider>("/api/identity-providers", { method: "POST", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
