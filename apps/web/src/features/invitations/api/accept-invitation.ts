import type { AcceptInvitationInput, Me } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { invitationQueryOptions } from "./get-invitation.ts";

export const acceptInvitation = (token: string, input: AcceptInvitationInput) =>
  api<Me>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: "POST", body: input, auth: false });

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(token, input),
    // The link is used up now; nothing should show it as still valid.
    onSuccess: () => queryClient.removeQueries({ queryKey: invitationQueryOptions(token).queryKey }),
  });
}
