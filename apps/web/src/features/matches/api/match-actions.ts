import type {
  AcceptMatch,
  CompleteMatch,
  Match,
  MatchFeedback,
  MatchFeedbackInput,
  ReasonInput,
} from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { matchQueryOptions } from "./get-match.ts";
import { matchesQueryOptions } from "./get-matches.ts";

const post = <T>(id: string, action: string, body?: T) =>
  api<Match>(`/api/matches/${encodeURIComponent(id)}/${action}`, { method: "POST", body });

export const approveMatch = (id: string) => post(id, "approve");
export const acceptMatch = (id: string, input: AcceptMatch) => post(id, "accept", input);
export const declineMatch = (id: string, input: ReasonInput) => post(id, "decline", input);
export const cancelMatch = (id: string, input: ReasonInput) => post(id, "cancel", input);
export const completeMatch = (id: string, input: CompleteMatch) => post(id, "complete", input);
export const giveMatchFeedback = (id: string, input: MatchFeedbackInput) =>
  api<MatchFeedback>(`/api/matches/${encodeURIComponent(id)}/feedback`, { method: "POST", body: input });

/** Every answer changes lists (queues, asks) and the match page; seats change the opportunity too. */
function useMatchMutation<V>(fn: (vars: V) => Promise<Match>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (match) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: matchesQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: matchQueryOptions(match.id).queryKey }),
        queryClient.invalidateQueries({ queryKey: ["opportunities"] }),
        queryClient.invalidateQueries({ queryKey: ["requests"] }),
      ]),
  });
}

export const useApproveMatch = () => useMatchMutation((id: string) => approveMatch(id));
export const useAcceptMatch = () =>
  useMatchMutation(({ id, input }: { id: string; input: AcceptMatch }) => acceptMatch(id, input));
export const useDeclineMatch = () =>
  useMatchMutation(({ id, input }: { id: string; input: ReasonInput }) => declineMatch(id, input));
export const useCancelMatch = () =>
  useMatchMutation(({ id, input }: { id: string; input: ReasonInput }) => cancelMatch(id, input));
export const useCompleteMatch = () =>
  useMatchMutation(({ id, input }: { id: string; input: CompleteMatch }) => completeMatch(id, input));

/** Feedback changes only the match page (and lists showing it). */
export function useGiveMatchFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: MatchFeedbackInput }) => giveMatchFeedback(id, input),
    onSuccess: (feedback) => queryClient.invalidateQueries({ queryKey: matchQueryOptions(feedback.matchId).queryKey }),
  });
}
