import type { Opportunity } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { opportunitiesQueryOptions } from "./get-opportunities.ts";
import { opportunityQueryOptions } from "./get-opportunity.ts";

export type OpportunityStatusAction = "publish" | "pause" | "close";

export const changeOpportunityStatus = (id: string, action: OpportunityStatusAction) =>
  api<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}/${action}`, { method: "POST" });

export function useChangeOpportunityStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: OpportunityStatusAction) => changeOpportunityStatus(id, action),
    onSuccess: (updated) => {
      queryClient.setQueryData(opportunityQueryOptions(id).queryKey, updated);
      return queryClient.invalidateQueries({ queryKey: opportunitiesQueryOptions().queryKey });
    },
  });
}
