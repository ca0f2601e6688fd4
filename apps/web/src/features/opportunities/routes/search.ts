import {
  KINDS,
  type Kind,
  MODALITIES,
  type Modality,
  OPPORTUNITY_STATUSES,
  type OpportunityStatus,
  SECTORS,
  type Sector,
} from "@bridgework/domain";
import { oneOf, pageParam, textParam } from "../../../lib/search-params.ts";

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
    status: oneOf(OPPORTUNITY_STATUSES, search.status),
    page: pageParam(search.page),
  };
}
