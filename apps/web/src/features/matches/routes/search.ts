import { MATCH_STATUSES, type MatchStatus } from "@bridgework/domain";

export interface MatchesSearch {
  status?: MatchStatus;
  duplicateAsk?: boolean;
  page: number;
}

/** Tolerant: unknown values fall back to no filter. */
export function validateMatchesSearch(search: Record<string, unknown>): MatchesSearch {
  const page = Number(search.page);
  const dup = search.duplicateAsk;
  return {
    status: MATCH_STATUSES.find((s) => s === search.status),
    duplicateAsk: dup === true || dup === "true" ? true : dup === false || dup === "false" ? false : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
