import { KINDS, type Kind, MODALITIES, type Modality, OPPORTUNITY_STATUSES, type OpportunityStatus, SECTORS, type Sector } from "@bridgework/domain";

export interface OpportunitiesSearch {
  q?: string;
  kind?: Kind;
  sector?: Sector;
  modality?: Modality;
  status?: OpportunityStatus;
  page: number;
}

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined => values.find((v) => v === value);

/** Tolerant: a hand-edited URL with an unknown filter falls back instead of failing. */
export function validateOpportunitiesSearch(search: Record<string, unknown>): OpportunitiesSearch {
  const page = Number(search.page);
  return {
    q: typeof search.q === "string" && search.q.trim() ? search.q.trim().slice(0, 200) : undefined,
    kind: pick(KINDS, search.kind),
    sector: pick(SECTORS, search.sector),
    modality: pick(MODALITIES, search.modality),
    status: pick(OPPORTUNITY_STATUSES, search.status),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
