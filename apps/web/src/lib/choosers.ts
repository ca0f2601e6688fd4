import type { Opportunity, Organization, OrganizationType } from "@bridgework/domain";
import type { ChooserPage } from "../components/ui/search-select.tsx";
import { api } from "./api-client.ts";

/** How many options a chooser lists at once (short enough not to scroll on a phone); the hint says when more match. */
export const CHOOSER_PAGE = 8;

/** Schools or employers of the region by any part of the name (optionally one district's schools). */
export async function searchOrganizations(
  type: OrganizationType,
  q: string,
  signal: AbortSignal,
  parentId?: string,
): Promise<ChooserPage> {
  const page = await api<{ items: Organization[]; total: number }>("/api/organizations", {
    query: { type, q: q || undefined, parentId, page: 1, pageSize: CHOOSER_PAGE },
    signal,
  });
  return { options: page.items.map((o) => ({ value: o.id, label: o.name })), total: page.total };
}

/** Opportunities a placement can go into now (for this student's age when given), by employer then title. */
export async function searchPlacementOpportunities(
  q: string,
  signal: AbortSignal,
  studentId: string | undefined,
  optionLabel: (o: Opportunity) => string,
): Promise<ChooserPage> {
  const page = await api<{ items: Opportunity[]; total: number }>("/api/opportunities", {
    query: { forPlacement: "true", sort: "employer", studentId, q: q || undefined, page: 1, pageSize: CHOOSER_PAGE },
    signal,
  });
  return {
    options: page.items.map((o) => ({ value: o.id, label: optionLabel(o), group: o.employerName })),
    total: page.total,
  };
}
