import type { Placement, PlacementStatus } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** Staff see the student's last name; employers only its initial (domain.md, Privacy). */
export type PlacementView = Placement & { student: Placement["student"] & { lastName?: string }; withdrawReason: string | null };

export interface PlacementPage {
  items: PlacementView[];
  total: number;
  page: number;
  pageSize: number;
}

export const getPlacements = (status: PlacementStatus, signal?: AbortSignal) =>
  api<PlacementPage>("/api/placements", { query: { status, page: 1, pageSize: 100 }, signal });

/** One list per board column, so a busy "completed" column never pushes pending paperwork off the page. */
export const placementsQueryOptions = (status?: PlacementStatus) =>
  queryOptions({
    queryKey: status ? ["placements", "list", status] : ["placements", "list"],
    queryFn: ({ signal }) => getPlacements(status ?? "pending_paperwork", signal),
  });

export function usePlacements(status: PlacementStatus) {
  return useQuery(placementsQueryOptions(status));
}

export const studentName = (p: PlacementView) => `${p.student.firstName} ${p.student.lastName ?? `${p.student.lastInitial}.`}`;
