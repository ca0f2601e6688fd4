import type { InterestCount } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../lib/api-client.ts";
import { inOwnTask } from "../lib/own-task.ts";
import { useSession } from "../lib/session.ts";

export const INTEREST_COUNT_KEY = ["employer-interests", "count"] as const;

export const interestCountQueryOptions = () =>
  queryOptions({
    queryKey: INTEREST_COUNT_KEY,
    queryFn: ({ signal }) => inOwnTask(() => api<InterestCount>("/api/employer-interests/count", { signal })),
    staleTime: 30_000,
    refetchInterval: 5 * 60_000,
  });

/** Get involved submissions waiting for the intermediary (the navigation's badge); nobody else asks. */
export function useInterestCount() {
  const current = useSession();
  const intermediary = current.status === "authenticated" && current.user.role === "intermediary";
  return useQuery({ ...interestCountQueryOptions(), enabled: intermediary });
}
