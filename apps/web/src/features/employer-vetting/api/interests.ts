import type { InterestDecision, InterestSubmission } from "@bridgework/domain";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { INTEREST_COUNT_KEY } from "../../../hooks/use-interest-count.ts";

export interface InterestPage {
  items: InterestSubmission[];
  total: number;
  page: number;
  pageSize: number;
}

export const getInterests = (page: number, signal?: AbortSignal) =>
  api<InterestPage>("/api/employer-interests", { query: { status: "waiting", page, pageSize: 25 }, signal });

export const interestsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: ["employer-interests", "list", page],
    queryFn: ({ signal }) => getInterests(page, signal),
    placeholderData: keepPreviousData,
  });

export function useInterests(page: number) {
  return useQuery(interestsQueryOptions(page));
}

export type InterestAction =
  | { action: "approve"; id: string; body: { askCapPerMonth: number | null } }
  | { action: "merge"; id: string; body: { organizationId: string } }
  | { action: "decline"; id: string; body: { reason: string } };

export const decideInterest = (a: InterestAction) =>
  api<InterestDecision>(`/api/employer-interests/${a.id}/${a.action}`, { method: "POST", body: a.body });

/** One decision; the queue and the navigation's count follow. */
export function useDecideInterest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: decideInterest,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ["employer-interests"] }),
        client.invalidateQueries({ queryKey: INTEREST_COUNT_KEY }),
      ]);
    },
  });
}

interface EmployerOption {
  id: string;
  name: string;
}

/** The region's employers, for "merge into" (the first 100 by name; likely matches are listed first anyway). */
export function useEmployerOptions() {
  return useQuery({
    queryKey: ["employer-interests", "employers"],
    queryFn: ({ signal }) =>
      api<{ items: EmployerOption[] }>("/api/organizations", { query: { type: "employer", pageSize: 100 }, signal }),
  });
}
