import type { CreateMatch, Match } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { requestMatchesQueryOptions } from "./get-request-matches.ts";

/** A teacher's proposal starts `proposed`; a coordinator's or intermediary's is `approved` at once. */
export const proposeMatch = (input: CreateMatch) => api<Match>("/api/matches", { method: "POST", body: input });

/** Suggestions are not refetched: the card stays to say the proposal went out. */
export function useProposeMatch(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: proposeMatch,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["matches"] }),
        queryClient.invalidateQueries({ queryKey: requestMatchesQueryOptions(requestId).queryKey }),
      ]),
  });
}
