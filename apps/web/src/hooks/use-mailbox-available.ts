import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";

/** The dev mailbox route exists only without SMTP and outside production; ask once. */
export const mailboxAvailableQueryOptions = () =>
  queryOptions({
    queryKey: ["dev-mailbox", "available"],
    queryFn: () =>
      api<unknown[]>("/api/dev/mailbox", { query: { limit: 1 }, auth: false }).then(
        () => true,
        () => false,
      ),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export function useMailboxAvailable(): boolean {
  return useQuery(mailboxAvailableQueryOptions()).data ?? false;
}
