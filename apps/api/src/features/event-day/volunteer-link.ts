import {
  auditLog,
  type DbOrTx,
  eventInterviews,
  eventRoles,
  eventScores,
  eventStudents,
  eventVolunteers,
  events,
  hashLinkToken,
  organizations,
  regions,
  students,
} from "@bridgework/db";
import {
  checkRubricScores,
  firstNameLastInitial,
  LinkExpired,
  NotFound,
  type Rubric,
  RuleViolation,
  type SavedScore,
  type ScoreInput,
  say,
  ValidationFailed,
  type VolunteerSchedule,
} from "@bridgework/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";

type PublicCtx = Omit<Ctx, "actor">;

/** Scores are taken from the moment sign-up opens until the event is archived. */
const SCORING_STATUSES = new Set(["open", "closed", "held"]);

/**
 * The volunteer behind a schedule link. Unknown → 404; a cancelled volunteer or an archived event
 * → 410 (the link did exist, it no longer works).
 */
async function volunteerByToken(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ v: eventVolunteers, event: events, role: eventRoles, timeZone: regions.timeZone })
    .from(eventVolunteers)
    .innerJoin(events, eq(events.id, eventVolunteers.eventId))
    .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
    .innerJoin(regions, eq(regions.id, events.regionId))
    .where(eq(eventVolunteers.scheduleTokenHash, hashLinkToken(token)));
  if (!row) throw new NotFound("resource");
  if (row.v.status === "cancelled" || row.event.status === "archived") throw new LinkExpired();
  return row;
}

const savedView = (row: typeof eventScores.$inferSelect, rubric: Rubric | null): SavedScore => ({
  interviewId: row.interviewId,
  scores: row.scores,
  comment: row.comment,
  complete: rubric !== null && checkRubricScores(rubric, row.scores).complete,
  savedAt: row.savedAt.toISOString(),
});

/** The volunteer's own day: shift, station, what to bring, their interviews in time order, the rubric and what they saved. */
export async function volunteerSchedule(ctx: PublicCtx, token: string): Promise<VolunteerSchedule> {
  const { v, event, role, timeZone } = await volunteerByToken(ctx.db, token);
  const rows = await ctx.db
    .select({
      i: eventInterviews,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: organizations.name,
      score: eventScores,
    })
    .from(eventInterviews)
    .innerJoin(eventStudents, eq(eventStudents.id, eventInterviews.eventStudentId))
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .leftJoin(eventScores, eq(eventScores.interviewId, eventInterviews.id))
    .where(eq(eventInterviews.volunteerId, v.id))
    .orderBy(asc(eventInterviews.startsAt));
  // Students' names reach someone without an account: recorded, with no actor.
  await ctx.db.insert(auditLog).values({
    regionId: event.regionId,
    actorUserId: null,
    action: "volunteer_schedule_read",
    entity: "event_volunteer",
    entityId: v.id,
    details: { eventId: event.id, interviews: rows.length },
    at: ctx.clock.now(),
  });
  return {
    event: {
      title: event.title,
      kind: event.kind,
      status: event.status,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      location: event.location,
      timeZone,
    },
    volunteer: { name: v.name, employerName: v.employerName, station: v.station },
    role: {
      name: role.name,
      bring: role.bring,
      startsAt: role.startsAt.toISOString(),
      endsAt: role.endsAt.toISOString(),
    },
    rubric: event.rubric,
    canScore: SCORING_STATUSES.has(event.status),
    interviews: rows.map((r) => ({
      id: r.i.id,
      startsAt: r.i.startsAt.toISOString(),
      endsAt: r.i.endsAt.toISOString(),
      studentName: firstNameLastInitial(r.firstName, r.lastName),
      schoolName: r.schoolName,
      score: r.score ? savedView(r.score, event.rubric) : null,
    })),
  };
}

/**
 * Saves the rubric of one of the volunteer's own interviews (another's → 404). An upsert on the
 * interview: the same save sent again (a retry on a flaky connection) overwrites the one row.
 */
export async function saveScore(
  ctx: PublicCtx,
  token: string,
  interviewId: string,
  input: ScoreInput,
): Promise<SavedScore> {
  const { v, event } = await volunteerByToken(ctx.db, token);
  const [interview] = await ctx.db
    .select({ id: eventInterviews.id })
    .from(eventInterviews)
    .where(and(eq(eventInterviews.id, interviewId), eq(eventInterviews.volunteerId, v.id)));
  if (!interview) throw new NotFound("resource");
  if (!SCORING_STATUSES.has(event.status) || event.rubric === null) {
    throw new RuleViolation("rule-violation", say("event-not-scoring"));
  }
  const { problems } = checkRubricScores(event.rubric, input.scores);
  if (problems.length > 0) throw new ValidationFailed(problems);
  const now = ctx.clock.now();
  const comment = input.comment.trim();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(eventScores)
      .values({ interviewId: interview.id, scores: input.scores, comment, savedAt: now })
      .onConflictDoUpdate({
        target: eventScores.interviewId,
        set: { scores: sql`excluded.scores`, comment: sql`excluded.comment`, savedAt: sql`excluded.saved_at` },
      })
      .returning();
    await tx.insert(auditLog).values({
      regionId: event.regionId,
      actorUserId: null,
      action: "score_saved",
      entity: "event_interview",
      entityId: interview.id,
      details: { eventId: event.id, volunteerId: v.id },
      at: now,
    });
    return savedView(row!, event.rubric);
  });
}
