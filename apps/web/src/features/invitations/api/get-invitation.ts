import type { InvitationInfo } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** Reading an invitation never uses it up; only accepting does. */
export const getInvitation = (token: string, signal?: AbortSignal) =>
  api<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`, { signal, auth: false });

export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["invitations", token],
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });

export function useInvitation(token: string) {
  return useQuery(invitationQueryOptions(token));
}
