import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api-error.ts";

/** 4xx answers are final (retrying a 403 or 404 only delays the message); faults retry twice. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
