import type { SignInProvider } from "@bridgework/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** The login page's sign-in buttons for the typed email (none until it has a domain). */
export function useSignInProviders(email: string) {
  const at = email.lastIndexOf("@");
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : "";
  return useQuery({
    queryKey: ["sign-in-providers", domain],
    queryFn: ({ signal }) =>
      api<SignInProvider[]>("/api/sign-in/providers", { signal, auth: false, query: { email: `x@${domain}` } }),
    enabled: domain.includes("."),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
