import type { CreatePlacement } from "@bridgework/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { CHOOSER_PAGE } from "../../../lib/choosers.ts";
import { placementsQueryOptions, type PlacementView } from "./get-placements.ts";

export const createPlacement = (input: CreatePlacement) =>
  api<PlacementView>("/api/placements", { method: "POST", body: input });

export function useCreatePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPlacement,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placementsQueryOptions().queryKey }),
  });
}

export interface StudentChoice {
  id: string;
  firstName: string;
  lastName: string;
  localId: string;
  schoolName: string;
}

/** Students by any part of the name or local id, one page (the chooser says when more match). */
export const searchStudents = (q: string, signal?: AbortSignal) =>
  api<{ items: StudentChoice[]; total: number }>("/api/students", {
    query: { q: q || undefined, page: 1, pageSize: CHOOSER_PAGE },
    signal,
  });
