import type { ConfirmInterestResult } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export const confirmInterest = (token: string) =>
  api<ConfirmInterestResult>("/api/public/interest/confirm", { method: "POST", body: { token }, auth: false });

/**
 * Opening the page confirms (the link's whole purpose). A query, not a mutation: it runs once per
 * token however often the page renders, and a second visit answers `already-confirmed` anyway.
 */
export const confirmInterestQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["interest-confirm", token],
    queryFn: () => confirmInterest(token),
    retry: false,
    staleTime: Infinity,
  });

export const useConfirmInterest = (token: string) => useQuery(confirmInterestQueryOptions(token));
