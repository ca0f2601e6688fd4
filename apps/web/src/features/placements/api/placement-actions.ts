import type { HoursInput, InsuranceOverrideInput } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { placementsQueryOptions, type PlacementView } from "./get-placements.ts";

export const activatePlacement = (id: string) =>
  api<PlacementView>(`/api/placements/${id}/activate`, { method: "POST" });
export const completePlacement = (id: string) =>
  api<PlacementView>(`/api/placements/${id}/complete`, { method: "POST" });
export const withdrawPlacement = (id: string, reason: string) =>
  api<PlacementView>(`/api/placements/${id}/withdraw`, { method: "POST", body: { reason } });
export const recordInsuranceOverride = (id: string, input: InsuranceOverrideInput) =>
  api<PlacementView>(`/api/placements/${id}/insurance-override`, { method: "POST", body: input });
export const resendDocument = (id: string, documentId: string) =>
  api<PlacementView>(`/api/placements/${id}/documents/${documentId}/resend`, { method: "POST" });
export const logHours = (id: string, input: HoursInput) =>
  api<unknown>(`/api/placements/${id}/hours`, { method: "POST", body: input });

export type PlacementAction =
  | { type: "activate" | "complete" }
  | { type: "withdraw"; reason: string }
  | { type: "override"; input: InsuranceOverrideInput }
  | { type: "resend"; documentId: string }
  | { type: "hours"; input: HoursInput };

function run(id: string, action: PlacementAction): Promise<unknown> {
  switch (action.type) {
    case "activate":
      return activatePlacement(id);
    case "complete":
      return completePlacement(id);
    case "withdraw":
      return withdrawPlacement(id, action.reason);
    case "override":
      return recordInsuranceOverride(id, action.input);
    case "resend":
      return resendDocument(id, action.documentId);
    case "hours":
      return logHours(id, action.input);
  }
}

/** Every action may move the placement to another column, so the whole board is refetched. */
export function usePlacementAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: PlacementAction) => run(id, action),
    onSettled: () => queryClient.invalidateQueries({ queryKey: placementsQueryOptions().queryKey }),
  });
}
