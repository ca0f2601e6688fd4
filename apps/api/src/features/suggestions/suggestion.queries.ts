import type { DbOrTx } from "@bridgework/db";
import {
  type Kind,
  type Modality,
  NotFound,
  OPEN_MATCH_STATUSES,
  type PersonActor,
  type Sector,
} from "@bridgework/domain";
import { organizations, requests } from "@bridgework/db";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { preparedPerDb } from "../../lib/queries/prepared.ts";
import { visibleRequestsFor } from "../../lib/queries/requests.ts";

const school = alias(organizations, "school");

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

/** A pair in one of these states is never suggested again for the request: it is being asked, or the employer said no. */
const askedStatuses = sql.join(
  [...OPEN_MATCH_STATUSES, "declined"].map((s) => sql`${s}::match_status`),
  sql`, `,
);

/**
 * The request if the person may see it (else 404), its school's city, and the opportunities it
 * already has a live or declined match with (never suggested again), in one statement,
 * prepared once per role (every suggestions call runs it).
 */
export async function findRequestToSuggestFor(db: DbOrTx, actor: PersonActor, id: string) {
  const [row] = await requestToSuggestFor[actor.role](db).execute({
    id,
    regionId: actor.regionId,
    organizationId: actor.organizationId,
  });
  if (!row) throw new NotFound("request");
  return { ...row, asked: new Set(row.asked) };
}

const prepareRequestToSuggestFor = (role: PersonActor["role"]) =>
  preparedPerDb((db) =>
    db
      .select({
        request: {
          id: requests.id,
          regionId: requests.regionId,
          kind: requests.kind,
          sector: requests.sector,
          students: requests.students,
          gradeLevels: requests.gradeLevels,
          windowStart: requests.windowStart,
          windowEnd: requests.windowEnd,
          modality: requests.modality,
        },
        schoolCity: school.city,
        asked: sql<string[]>`coalesce((
          SELECT array_agg(m.opportunity_id::text) FROM matches m
          WHERE m.request_id = ${requests.id} AND m.status IN (${askedStatuses})), '{}')`,
      })
      .from(requests)
      .innerJoin(school, eq(school.id, requests.schoolId))
      .where(
        and(
          eq(requests.id, sql.placeholder("id")),
          visibleRequestsFor(role, sql.placeholder("regionId"), sql.placeholder("organizationId")),
        ),
      )
      .prepare(`request_to_suggest_for_${role}`),
  );

const requestToSuggestFor = {
  intermediary: prepareRequestToSuggestFor("intermediary"),
  coordinator: prepareRequestToSuggestFor("coordinator"),
  teacher: prepareRequestToSuggestFor("teacher"),
  employer: prepareRequestToSuggestFor("employer"),
} satisfies Record<PersonActor["role"], unknown>;
