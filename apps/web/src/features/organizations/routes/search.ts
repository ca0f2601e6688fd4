import { ORGANIZATION_TYPES, type OrganizationType } from "@bridgework/domain";
import { oneOf, pageParam, textParam } from "../../../lib/search-params.ts";

export interface OrganizationsSearch {
  type?: OrganizationType;
  q?: string;
  page: number;
}

/** Tolerant: a hand-edited URL with an unknown type or page falls back instead of failing. */
export function validateOrganizationsSearch(search: Record<string, unknown>): OrganizationsSearch {
  const type = oneOf(ORGANIZATION_TYPES, search.type);
  return { type, q: textParam(search.q, 100), page: pageParam(search.page) };
}
