import type { PlacementDocument, PlacementStatus, PlacementView } from "@bridgework/domain";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";

/** What the signed-in person may read of a placement: its fields depend on their role (domain placement-views.ts). */
export type { PlacementView };
export type PlacementDocumentView = PlacementView["documents"][number];

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

/** Staff and teachers read the last name; employers only its initial (domain.md, Privacy). */
export const studentName = (p: PlacementView) =>
  `${p.student.firstName} ${"lastName" in p.student ? p.student.lastName : `${p.student.lastInitial}.`}`;

/** Only coordinators and intermediaries read who signs a document (a guardian's name is student data). */
export const withSigner = (doc: PlacementDocumentView): doc is PlacementDocument => "name" in doc.signer;
