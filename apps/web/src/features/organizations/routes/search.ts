import { ORGANIZATION_TYPES, type OrganizationType } from "@bridgework/domain";

export interface OrganizationsSearch {
  type?: OrganizationType;
  q?: string;
  page: number;
}

/** Tolerant: a hand-edited URL with an unknown type or page falls back instead of failing. */
export function validateOrganizationsSearch(search: Record<string, unknown>): OrganizationsSearch {
  const type = ORGANIZATION_TYPES.find((t) => t === search.type);
  const page = Number(search.page);
  const q = typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 100) : undefined;
  return { type, q, page: Number.isInteger(page) && page > 0 ? page : 1 };
}
