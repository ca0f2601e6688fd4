import {
  KINDS,
  type Kind,
  MODALITIES,
  type Modality,
  type OpportunityStatus,
  SECTORS,
  type Sector,
} from "@bridgework/domain";
import { choices, oneOf, pageParam, textParam } from "../../../lib/search-params.ts";

/** OPPORTUNITY_STATUSES: the domain's own comes with zod (lib/search-params.ts, `choices`). */
export const OPPORTUNITY_STATUS_CHOICES = choices<OpportunityStatus>()([
  "draft",
  "published",
  "paused",
  "closed",
  "archived",
]);

export interface OpportunitiesSearch {
  q?: string;
  kind?: Kind;
  sector?: Sector;
  modality?: Modality;
  status?: OpportunityStatus;
  page: number;
}

/** Tolerant: a hand-edited URL with an unknown filter falls back instead of failing. */
export function validateOpportunitiesSearch(search: Record<string, unknown>): OpportunitiesSearch {
  return {
    q: textParam(search.q, 200),
    kind: oneOf(KINDS, search.kind),
    sector: oneOf(SECTORS, search.sector),
    modality: oneOf(MODALITIES, search.modality),
    status: oneOf(OPPORTUNITY_STATUS_CHOICES, search.status),
    page: pageParam(search.page),
  };
}
