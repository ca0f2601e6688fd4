import type { CreatePlacement, Opportunity } from "@bridgework/domain";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { placementsQueryOptions, type PlacementView } from "./get-placements.ts";

export const createPlacement = (input: CreatePlacement) => api<PlacementView>("/api/placements", { method: "POST", body: input });

export function useCreatePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlacement,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementsQueryOptions().queryKey }),
  });
}

/** Only a published opportunity takes placements. */
export const getPublishedOpportunities = (signal?: AbortSignal) =>
  api<{ items: Opportunity[] }>("/api/opportunities", { query: { status: "published", page: 1, pageSize: 100 }, signal }).then((p) => p.items);

export const publishedOpportunitiesQueryOptions = () =>
  queryOptions({ queryKey: ["opportunities", "list", "published-for-placement"], queryFn: ({ signal }) => getPublishedOpportunities(signal) });

export function usePublishedOpportunities() {
  return useQuery(publishedOpportunitiesQueryOptions());
}

export interface StudentChoice {
  id: string;
  firstName: string;
  lastName: string;
  localId: string;
  schoolName: string;
}

export const searchStudents = (q: string, signal?: AbortSignal) =>
  api<{ items: StudentChoice[] }>("/api/students", { query: { q: q || undefined, page: 1, pageSize: 50 }, signal }).then((p) => p.items);

export const studentChoicesQueryOptions = (q: string) => queryOptions({ queryKey: ["students", "list", "choices", q], queryFn: ({ signal }) => searchStudents(q, signal) });

export function useStudentChoices(q: string) {
  return useQuery(studentChoicesQueryOptions(q));
}
