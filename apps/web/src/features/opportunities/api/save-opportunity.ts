import type { CreateOpportunity, Opportunity, UpdateOpportunity } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { opportunitiesQueryOptions } from "./get-opportunities.ts";
import { opportunityQueryOptions } from "./get-opportunity.ts";

export const createOpportunity = (input: CreateOpportunity) =>
  api<Opportunity>("/api/opportunities", { method: "POST", body: input });
export const updateOpportunity = (id: string, input: UpdateOpportunity) =>
  api<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}`, { method: "PATCH", body: input });

export function useCreateOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOpportunity,
    onSuccess: (created) => {
      queryClient.setQueryData(opportunityQueryOptions(created.id).queryKey, created);
      return queryClient.invalidateQueries({ queryKey: opportunitiesQueryOptions().queryKey });
    },
  });
}

export function useUpdateOpportunity(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOpportunity) => updateOpportunity(id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(opportunityQueryOptions(id).queryKey, updated);
      return queryClient.invalidateQueries({ queryKey: opportunitiesQueryOptions().queryKey });
    },
  });
}
