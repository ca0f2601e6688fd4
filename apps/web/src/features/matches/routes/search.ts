import type { MatchStatus } from "@bridgework/domain";
import { choices, oneOf, pageParam } from "../../../lib/search-params.ts";

/** MATCH_STATUSES: the domain's own comes with zod (lib/search-params.ts, `choices`). */
export const MATCH_STATUS_CHOICES = choices<MatchStatus>()([
  "proposed",
  "approved",
  "accepted",
  "scheduled",
  "completed",
  "declined",
  "cancelled",
]);

export interface MatchesSearch {
  status?: MatchStatus;
  duplicateAsk?: boolean;
  page: number;
}

/** Tolerant: unknown values fall back to no filter. */
export function validateMatchesSearch(search: Record<string, unknown>): MatchesSearch {
  const dup = search.duplicateAsk;
  return {
    status: oneOf(MATCH_STATUS_CHOICES, search.status),
    duplicateAsk: dup === true || dup === "true" ? true : dup === false || dup === "false" ? false : undefined,
    page: pageParam(search.page),
  };
}
