import type { Me } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getMe = (signal?: AbortSignal) => api<Me>("/api/me", { signal });

export const meQueryOptions = () => queryOptions({ queryKey: ["me"], queryFn: ({ signal }) => getMe(signal) });

export function useMe() {
  return useQuery(meQueryOptions());
}
