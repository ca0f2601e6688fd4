import type { EvaluationInput } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

export interface LinkPlacement {
  studentName: string;
  opportunityTitle: string;
  employerName: string;
  schoolName: string;
  startDate: string;
  endDate: string;
  supervisorName: string;
}
export interface PendingHours {
  placement: LinkPlacement;
  entries: { id: string; date: string; hours: number; note: string | null }[];
}

/** The supervisor's links: opening never uses them (mail scanners open links); answering does. */
export const getPendingHours = (token: string, signal?: AbortSignal) =>
  api<PendingHours>(`/api/hours/${encodeURIComponent(token)}`, { signal, auth: false });
export const pendingHoursQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["hours-link", token],
    queryFn: ({ signal }) => getPendingHours(token, signal),
    retry: false,
    staleTime: Infinity,
  });
export function usePendingHours(token: string) {
  return useQuery(pendingHoursQueryOptions(token));
}

export const decideHours = (token: string, decisions: { id: string; approve: boolean }[]) =>
  api<{ approved: number; rejected: number }>(`/api/hours/${encodeURIComponent(token)}`, {
    method: "POST",
    body: { decisions },
    auth: false,
  });
export function useDecideHours(token: string) {
  return useMutation({ mutationFn: (decisions: { id: string; approve: boolean }[]) => decideHours(token, decisions) });
}

export const getEvaluation = (token: string, signal?: AbortSignal) =>
  api<{ placement: LinkPlacement; expiresAt: string }>(`/api/evaluate/${encodeURIComponent(token)}`, {
    signal,
    auth: false,
  });
export const evaluationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ["evaluate-link", token],
    queryFn: ({ signal }) => getEvaluation(token, signal),
    retry: false,
    staleTime: Infinity,
  });
export function useEvaluation(token: string) {
  return useQuery(evaluationQueryOptions(token));
}

export const submitEvaluation = (token: string, input: EvaluationInput) =>
  api<unknown>(`/api/evaluate/${encodeURIComponent(token)}`, { method: "POST", body: input, auth: false });
export function useSubmitEvaluation(token: string) {
  return useMutation({ mutationFn: (input: EvaluationInput) => submitEvaluation(token, input) });
}
