import type { PasswordResetInfo, PasswordResetInput, PasswordResetRequest } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** 204 whether or not the address has an account: the page says the same either way. */
export const requestPasswordReset = (input: PasswordResetRequest) =>
  api<void>("/api/auth/password-reset", { method: "POST", body: input, auth: false });

export const getPasswordReset = (token: string, signal?: AbortSignal) =>
  api<PasswordResetInfo>(`/api/auth/password-reset/${encodeURIComponent(token)}`, { signal, auth: false });

export const resetPassword = (token: string, input: PasswordResetInput) =>
  api<void>(`/api/auth/password-reset/${encodeURIComponent(token)}`, { method: "POST", body: input, auth: false });

export const passwordResetQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["password-reset", token],
    queryFn: ({ signal }) => getPasswordReset(token, signal),
    retry: false,
    staleTime: Infinity,
  });

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });

/** Reading a link never uses it up; only setting the password does. */
export const usePasswordReset = (token: string) => useQuery(passwordResetQueryOptions(token));

export function useResetPassword(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordResetInput) => resetPassword(token, input),
    onSuccess: () => queryClient.removeQueries({ queryKey: passwordResetQueryOptions(token).queryKey }),
  });
}
