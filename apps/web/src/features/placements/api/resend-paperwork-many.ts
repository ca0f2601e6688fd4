import type { BulkResult } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** One call for several placements; the answer says, per placement, sent or why not. */
export const resendPaperworkMany = (ids: string[]) =>
  api<BulkResult>("/api/placements/paperwork/resend", { method: "POST", body: { ids } });

export function useResendPaperworkMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendPaperworkMany,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["placements"] }),
  });
}
