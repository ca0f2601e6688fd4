import { MATCH_STATUSES, type MatchStatus } from "@bridgework/domain";
import { oneOf, pageParam } from "../../../lib/search-params.ts";

export interface MatchesSearch {
  status?: MatchStatus;
  duplicateAsk?: boolean;
  page: number;
}

/** Tolerant: unknown values fall back to no filter. */
export function validateMatchesSearch(search: Record<string, unknown>): MatchesSearch {
  const dup = search.duplicateAsk;
  return {
    status: oneOf(MATCH_STATUSES, search.status),
    duplicateAsk: dup === true || dup === "true" ? true : dup === false || dup === "false" ? false : undefined,
    page: pageParam(search.page),
  };
}
