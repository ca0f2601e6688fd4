import type { CancelRequestInput, WblRequest } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const cancelRequest = (id: string, input: CancelRequestInput) =>
  api<WblRequest>(`/api/requests/${encodeURIComponent(id)}/cancel`, { method: "POST", body: input });

/** Cancelling closes the request and its open asks: every list of requests and matches changes. */
export function useCancelRequest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CancelRequestInput) => cancelRequest(id, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
        queryClient.invalidateQueries({ queryKey: ["matches"] }),
      ]),
  });
}
