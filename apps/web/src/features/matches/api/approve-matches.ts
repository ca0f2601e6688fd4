import type { BulkResult } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** One call for several proposals; the answer says, per item, approved or why not. */
export const approveMatches = (ids: string[]) =>
  api<BulkResult>("/api/matches/approve", { method: "POST", body: { ids } });

export function useApproveMatches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveMatches,
    onSuccess: () =>
      Promise.all([
        // Lists and every match page: any of them may show an approved item.
        queryClient.invalidateQueries({ queryKey: ["matches"] }),
        queryClient.invalidateQueries({ queryKey: ["opportunities"] }),
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
      ]),
  });
}
