import { MutationCache, QueryClient } from "@tanstack/react-query";
import { WAITING_QUERY_KEY } from "../hooks/use-waiting.ts";
import { ApiError } from "../lib/api-error.ts";

/** 4xx answers are final (retrying a 403 or 404 only delays the message); faults retry twice. */
export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // Any action (approve, accept, sign, save…) may change what waits on the person: the
    // navigation's counts and the home list are fetched again after every mutation.
    mutationCache: new MutationCache({
      onSettled: () => void client.invalidateQueries({ queryKey: WAITING_QUERY_KEY }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
