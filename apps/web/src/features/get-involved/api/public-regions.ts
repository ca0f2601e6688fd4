import type { PublicRegion } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const getPublicRegions = (signal?: AbortSignal) =>
  api<PublicRegion[]>("/api/public/regions", { signal, auth: false });

export const getPublicRegion = (slug: string, signal?: AbortSignal) =>
  api<PublicRegion>(`/api/public/regions/${encodeURIComponent(slug)}`, { signal, auth: false });

export const publicRegionsQueryOptions = () =>
  queryOptions({ queryKey: ["public-regions"], queryFn: ({ signal }) => getPublicRegions(signal) });

/** A 404 (unknown slug) is an answer, not a hiccup: no retries. */
export const publicRegionQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ["public-regions", slug],
    queryFn: ({ signal }) => getPublicRegion(slug, signal),
    retry: false,
  });

export const usePublicRegions = () => useQuery(publicRegionsQueryOptions());
export const usePublicRegion = (slug: string) => useQuery(publicRegionQueryOptions(slug));
