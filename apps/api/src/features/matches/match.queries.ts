import { type DbOrTx, matches, opportunities, organizations, requests, users } from "@bridgework/db";
import { type AskedFor, type Match, type MatchSummary, NotFound, type PersonActor } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { visibleMatches } from "../../lib/queries/matches.ts";

export type MatchRow = typeof matches.$inferSelect;

/** Set by the caller when the employer has reached its monthly ask cap (computed, not stored). */
export function toMatch(m: MatchRow, askCapReached = false): Match {
  return {
    id: m.id,
    requestId: m.requestId,
    opportunityId: m.opportunityId,
    employerId: m.employerId,
    seats: m.seats,
    status: m.status,
    note: m.note,
    duplicateAsk: m.duplicateAsk,
    askCapReached,
    scheduledAt: m.scheduledAt?.toISOString() ?? null,
    attendedStudents: m.attendedStudents,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

const school = alias(organizations, "match_school");
const employer = alias(organizations, "match_employer");

/** Matches joined with what a list row shows (an employer's ask card: what the teacher asked for); filter with visibleMatches(actor). */
export function selectMatchSummaries(db: DbOrTx) {
  return db
    .select({
      match: matches,
      kind: opportunities.kind,
      opportunityTitle: opportunities.title,
      employerName: employer.name,
      schoolName: school.name,
      requestedByName: users.name,
      request: {
        windowStart: requests.windowStart,
        windowEnd: requests.windowEnd,
        students: requests.students,
        gradeLevels: requests.gradeLevels,
        modality: requests.modality,
        notes: requests.notes,
      },
    })
    .from(matches)
    .innerJoin(requests, eq(requests.id, matches.requestId))
    .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
    .innerJoin(employer, eq(employer.id, matches.employerId))
    .innerJoin(school, eq(school.id, requests.schoolId))
    .innerJoin(users, eq(users.id, requests.createdBy));
}

export function toMatchSummary(
  row: {
    match: MatchRow;
    kind: string;
    opportunityTitle: string;
    employerName: string;
    schoolName: string;
    requestedByName: string;
    request: AskedFor;
  },
  askCapReached = false,
): MatchSummary {
  return {
    ...toMatch(row.match, askCapReached),
    kind: row.kind,
    opportunityTitle: row.opportunityTitle,
    employerName: row.employerName,
    schoolName: row.schoolName,
    requestedByName: row.requestedByName,
    request: row.request,
  };
}

/** The match (locked FOR UPDATE when `lock`) if the person may see it, else 404. */
export async function findVisibleMatch(db: DbOrTx, actor: PersonActor, id: string, lock = false) {
  const query = db
    .select({ match: matches })
    .from(matches)
    .innerJoin(requests, eq(requests.id, matches.requestId))
    .where(and(eq(matches.id, id), visibleMatches(actor)));
  const [row] = lock ? await query.for("update", { of: matches }) : await query;
  if (!row) throw new NotFound("match");
  return row.match;
}
