import type { EmployerRelationship, GrowInvitation, GrowList, SendGrowInvitation } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const relationshipQueryOptions = (employerId: string) =>
  queryOptions({
    queryKey: ["employer-relationship", "employer", employerId],
    queryFn: ({ signal }) => api<EmployerRelationship>(`/api/employers/${employerId}/relationship`, { signal }),
  });

export const useRelationship = (employerId: string) => useQuery(relationshipQueryOptions(employerId));

export const growQueryOptions = () =>
  queryOptions({
    queryKey: ["employer-relationship", "grow"],
    queryFn: ({ signal }) => api<GrowList>("/api/employers/grow", { signal }),
  });

export const useGrowList = () => useQuery(growQueryOptions());

/** Sends a grow invitation; the grow list and the employer's page are read again (the ask count moved). */
export function useSendGrowInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ employerId, input }: { employerId: string; input: SendGrowInvitation }) =>
      api<GrowInvitation>(`/api/employers/${employerId}/grow-invitations`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["employer-relationship"] }),
  });
}
