import type { DbOrTx } from "@bridgework/db";
import { type Kind, type Modality, OPEN_MATCH_STATUSES, type Sector } from "@bridgework/domain";
import { sql } from "drizzle-orm";

/**
 * Only this many candidates get a full score: they are taken in the order of the
 * opportunity-side part of the domain score (sector, kind, dates, format, city), which is at
 * least 0.6 of the weight; the employer side (history, ask load) can move a candidate by at
 * most 0.4, so the best `limit` (≤ 50) are, in practice, among the first 200.
 */
export const MAX_CANDIDATES = 200;

export interface CandidateQuery {
  regionId: string;
  requestId: string;
  kinds: Kind[];
  kind: Kind;
  sector: Sector;
  students: number;
  modality: Modality;
  oldestAge: number;
  /** The request window as instants: its first day's start and last day's end (UTC). */
  windowFrom: Date;
  windowTo: Date;
  windowStart: string;
  windowEnd: string;
  monthStart: Date;
  monthEnd: Date;
  schoolCity: string | null;
}

const openStatuses = sql.join(
  OPEN_MATCH_STATUSES.map((s) => sql`${s}::match_status`),
  sql`, `,
);
/** A pair in one of these states is never suggested again for the request: it is being asked, or the employer said no. */
const askedStatuses = sql.join(
  [...OPEN_MATCH_STATUSES, "declined"].map((s) => sql`${s}::match_status`),
  sql`, `,
);

/** The opportunities this request already has a live or declined match with: never suggested again. */
export async function findAsked(db: DbOrTx, requestId: string): Promise<Set<string>> {
  const result = await db.execute<{ opportunity_id: string }>(sql`
    SELECT m.opportunity_id FROM matches m WHERE m.request_id = ${requestId} AND m.status IN (${askedStatuses})`);
  return new Set(result.rows.map((r) => r.opportunity_id));
}

/**
 * Of these employers, those another request already has a live ask with for this kind and an
 * overlapping window (the duplicate-ask signal).
 */
export async function findDuplicateAsks(
  db: DbOrTx,
  employerIds: string[],
  q: Pick<CandidateQuery, "requestId" | "kind" | "windowStart" | "windowEnd">,
): Promise<Set<string>> {
  if (employerIds.length === 0) return new Set();
  const result = await db.execute<{ employer_id: string }>(sql`
    SELECT DISTINCT m.employer_id FROM matches m
    WHERE m.employer_id = ANY(${`{${employerIds.join(",")}}`}::uuid[])
      AND m.request_kind = ${q.kind}::wbl_kind AND m.status IN (${openStatuses}) AND m.request_id <> ${q.requestId}
      AND m.request_window_start <= ${q.windowEnd}::date AND m.request_window_end >= ${q.windowStart}::date`);
  return new Set(result.rows.map((r) => r.employer_id));
}
