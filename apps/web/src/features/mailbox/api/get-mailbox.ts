import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface MailboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: string;
  attachments: { filename: string; contentType: string }[];
  createdAt: string;
}

/** Public in development: the dev mailbox needs no login (it is how an invitee gets a link). */
export const getMailbox = (to: string | undefined, signal?: AbortSignal) =>
  api<MailboxEmail[]>("/api/dev/mailbox", { query: { to }, signal, auth: false });

export const mailboxQueryOptions = (to?: string) =>
  queryOptions({
    queryKey: ["dev-mailbox", "list", { to: to ?? null }],
    queryFn: ({ signal }) => getMailbox(to, signal),
    // Emails are delivered by a background job a moment after the action that queues them.
    refetchInterval: 5_000,
  });

export function useMailbox(to?: string) {
  return useQuery(mailboxQueryOptions(to));
}
