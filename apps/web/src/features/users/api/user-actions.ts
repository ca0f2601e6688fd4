import type { CreateUser, Organization, OrganizationType, User } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const inviteUser = (input: CreateUser) => api<User>("/api/users", { method: "POST", body: input });
export const resendInvitation = (id: string) => api<User>(`/api/users/${id}/invitation`, { method: "POST" });

/** Organizations of one type in the caller's region (the API scopes it), for the invite form. */
export const organizationsOfType = (type: OrganizationType) =>
  queryOptions({
    queryKey: ["organizations", "type", type],
    queryFn: ({ signal }) =>
      api<{ items: Organization[] }>("/api/organizations", { query: { type, pageSize: 100 }, signal }).then(
        (page) => page.items,
      ),
    staleTime: 5 * 60_000,
  });

export function useOrganizationsOfType(type: OrganizationType, enabled: boolean) {
  return useQuery({ ...organizationsOfType(type), enabled });
}

/** The list shows the new person (invited) once the invitation is out. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useResendInvitation() {
  return useMutation({ mutationFn: resendInvitation });
}
