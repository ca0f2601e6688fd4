import type { Waiting, WaitingKind } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";
import { inOwnTask } from "../lib/own-task.ts";
import { useSession } from "../lib/session.ts";

export const WAITING_QUERY_KEY = ["waiting"] as const;

/** What waits on the signed-in person (GET /api/me/waiting); every mutation invalidates it (query-client.ts). */
export const waitingQueryOptions = () =>
  queryOptions({
    queryKey: WAITING_QUERY_KEY,
    queryFn: ({ signal }) => inOwnTask(() => api<Waiting>("/api/me/waiting", { signal })),
    staleTime: 30_000,
    refetchInterval: 5 * 60_000,
  });

export function useWaiting() {
  const signedIn = useSession().status === "authenticated";
  return useQuery({ ...waitingQueryOptions(), enabled: signedIn });
}

/** The count field of each kind. */
export const WAITING_COUNT: Record<WaitingKind, keyof Omit<Waiting, "items">> = {
  approval: "approvals",
  ask: "asks",
  unsignedPastDue: "unsignedPastDue",
  hoursToApprove: "hoursToApprove",
  certificateExpiring: "certificatesExpiring",
};
