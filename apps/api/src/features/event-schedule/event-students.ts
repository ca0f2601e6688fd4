import { randomInt } from "node:crypto";
import { eventInterviews, eventSchools, eventStudents, organizations, pathways, students } from "@bridgework/db";
import {
  type AddedEventStudents,
  type AddEventStudents,
  type EventStudentList,
  NotFound,
  RuleViolation,
  say,
} from "@bridgework/domain";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { visibleStudents } from "../../lib/queries/students.ts";
import { manageScope, readScope, refuseIfFrozen } from "./event-scope.ts";

/** The students taking part (a teacher: their own school's), with their interview count. Audited read of student data. */
export async function listEventStudents({ ctx, id }: { ctx: Ctx; id: string }): Promise<EventStudentList> {
  const scope = await readScope(ctx.db, ctx.actor, id);
  const interviews = ctx.db
    .select({ eventStudentId: eventInterviews.eventStudentId, n: count().as("n") })
    .from(eventInterviews)
    .where(eq(eventInterviews.eventId, id))
    .groupBy(eventInterviews.eventStudentId)
    .as("interviews");
  const rows = await ctx.db
    .select({
      row: eventStudents,
      firstName: students.firstName,
      lastName: students.lastName,
      grade: students.grade,
      schoolName: organizations.name,
      pathwayName: pathways.name,
      interviews: interviews.n,
    })
    .from(eventStudents)
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .leftJoin(pathways, eq(pathways.id, eventStudents.pathwayId))
    .leftJoin(interviews, eq(interviews.eventStudentId, eventStudents.id))
    .where(and(eq(eventStudents.eventId, id), scope.schoolId ? eq(eventStudents.schoolId, scope.schoolId) : undefined))
    .orderBy(asc(organizations.name), asc(students.lastName), asc(students.firstName), asc(eventStudents.id));
  if (rows.length > 0)
    await audit(ctx.db, ctx.actor, "list", "event_student", null, { eventId: id, count: rows.length });
  return {
    items: rows.map((r) => ({
      id: r.row.id,
      studentId: r.row.studentId,
      firstName: r.firstName,
      lastName: r.lastName,
      schoolId: r.row.schoolId,
      schoolName: r.schoolName,
      grade: r.grade,
      pathwayId: r.row.pathwayId,
      pathwayName: r.pathwayName,
      badgeCode: r.row.badgeCode,
      checkedInAt: r.row.checkedInAt?.toISOString() ?? null,
      interviews: Number(r.interviews ?? 0),
    })),
  };
}

/** No 0/O, 1/I/L, 5/S: a code read aloud or typed from a badge is not mistaken. */
const BADGE_ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";

function badgeCode(taken: Set<string>): string {
  for (;;) {
    let code = "S-";
    for (let i = 0; i < 4; i++) code += BADGE_ALPHABET[randomInt(BADGE_ALPHABET.length)];
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const notTakingPart = (path: string) =>
  new RuleViolation("rule-violation", say("event-school-not-taking-part"), {}, [
    { path, text: say("event-school-field") },
  ]);

/**
 * Adds a school's students (optionally one grade; recorded with the pathway they come with) or a
 * list of students. Only students the caller sees (another district's look missing: 404) and of
 * schools taking part (422). Students already taking part are skipped, so a repeat is harmless.
 * The event row is locked, so parallel adds never hand out one badge code twice.
 */
export async function addEventStudents({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: AddEventStudents;
}): Promise<AddedEventStudents> {
  return ctx.db.transaction(async (tx) => {
    const event = await manageScope(tx, ctx.actor, id, true);
    refuseIfFrozen(event);
    const schools = new Set(
      (await tx.select({ schoolId: eventSchools.schoolId }).from(eventSchools).where(eq(eventSchools.eventId, id))).map(
        (s) => s.schoolId,
      ),
    );
    let chosen: { id: string; schoolId: string }[];
    let pathwayId: string | null = null;
    if ("studentIds" in input) {
      const wanted = [...new Set(input.studentIds)];
      chosen = await tx
        .select({ id: students.id, schoolId: students.schoolId })
        .from(students)
        .where(and(inArray(students.id, wanted), visibleStudents(ctx.actor)));
      if (chosen.length < wanted.length) throw new NotFound("student");
      if (chosen.some((s) => !schools.has(s.schoolId))) throw notTakingPart("studentIds");
    } else {
      if (!schools.has(input.schoolId)) throw notTakingPart("schoolId");
      if (input.pathwayId) {
        const [pathway] = await tx
          .select({ schoolId: pathways.schoolId })
          .from(pathways)
          .where(and(eq(pathways.id, input.pathwayId), eq(pathways.regionId, ctx.actor.regionId)));
        if (!pathway) throw new NotFound("pathway");
        if (pathway.schoolId !== input.schoolId)
          throw new RuleViolation("rule-violation", say("event-pathway-not-of-school"), {}, [
            { path: "pathwayId", text: say("event-pathway-field") },
          ]);
        pathwayId = input.pathwayId;
      }
      chosen = await tx
        .select({ id: students.id, schoolId: students.schoolId })
        .from(students)
        .where(
          and(
            eq(students.schoolId, input.schoolId),
            input.grade ? eq(students.grade, input.grade) : undefined,
            visibleStudents(ctx.actor),
          ),
        );
    }
    const existing = await tx
      .select({ studentId: eventStudents.studentId, badgeCode: eventStudents.badgeCode })
      .from(eventStudents)
      .where(eq(eventStudents.eventId, id));
    const already = new Set(existing.map((e) => e.studentId));
    const taken = new Set(existing.map((e) => e.badgeCode));
    const fresh = chosen.filter((s) => !already.has(s.id));
    for (let i = 0; i < fresh.length; i += 1000) {
      await tx.insert(eventStudents).values(
        fresh.slice(i, i + 1000).map((s) => ({
          eventId: id,
          studentId: s.id,
          schoolId: s.schoolId,
          pathwayId,
          badgeCode: badgeCode(taken),
          addedBy: ctx.actor.userId,
        })),
      );
    }
    await audit(tx, ctx.actor, "add_students", "event", id, {
      added: fresh.length,
      skipped: chosen.length - fresh.length,
      ...("studentIds" in input ? { list: true } : { schoolId: input.schoolId, grade: input.grade ?? null, pathwayId }),
    });
    return { added: fresh.length, skipped: chosen.length - fresh.length };
  });
}

/** Takes a student out of the event; their interviews go with them (the others' stay). */
export async function removeEventStudent({
  ctx,
  id,
  eventStudentId,
}: {
  ctx: Ctx;
  id: string;
  eventStudentId: string;
}) {
  await ctx.db.transaction(async (tx) => {
    const event = await manageScope(tx, ctx.actor, id, true);
    refuseIfFrozen(event);
    const [gone] = await tx
      .delete(eventStudents)
      .where(and(eq(eventStudents.id, eventStudentId), eq(eventStudents.eventId, id)))
      .returning({ studentId: eventStudents.studentId });
    if (!gone) throw new NotFound("event student");
    await audit(tx, ctx.actor, "remove_student", "event", id, { eventStudentId, studentId: gone.studentId });
  });
}
