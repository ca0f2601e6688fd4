import {
  eventInterviews,
  eventRoles,
  eventScores,
  eventStudents,
  eventVolunteers,
  organizations,
  students,
} from "@bridgework/db";
import { checkRubricScores, type EventBoard } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";

/** A student not yet in whose interview starts within this long is listed as "soon". */
export const SOON_MS = 30 * 60_000;

/**
 * The live board at `at` (default now): each scheduled volunteer's card (checked in? now, next),
 * students late for an interview soon, the counts, and both lists for check-in. Polled by the
 * SPA every 10 s: four indexed reads of one event.
 */
export async function eventBoard(ctx: Ctx, eventId: string, atIso: string | undefined): Promise<EventBoard> {
  const event = await findManagedEvent(ctx.db, ctx.actor, eventId);
  const at = atIso ? new Date(atIso) : ctx.clock.now();
  const [volunteers, studentRows, interviews] = await Promise.all([
    ctx.db
      .select({ v: eventVolunteers, roleName: eventRoles.name })
      .from(eventVolunteers)
      .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
      .where(and(eq(eventVolunteers.eventId, event.id), eq(eventVolunteers.status, "confirmed")))
      .orderBy(eventVolunteers.name),
    ctx.db
      .select({
        s: eventStudents,
        firstName: students.firstName,
        lastName: students.lastName,
        schoolName: organizations.name,
      })
      .from(eventStudents)
      .innerJoin(students, eq(students.id, eventStudents.studentId))
      .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
      .where(eq(eventStudents.eventId, event.id))
      .orderBy(students.lastName, students.firstName),
    ctx.db
      .select({ i: eventInterviews, scores: eventScores.scores })
      .from(eventInterviews)
      .leftJoin(eventScores, eq(eventScores.interviewId, eventInterviews.id))
      .where(eq(eventInterviews.eventId, event.id))
      .orderBy(eventInterviews.startsAt),
  ]);
  const student = new Map(studentRows.map((r) => [r.s.id, r]));
  const nameOf = (id: string) => {
    const r = student.get(id);
    return r ? `${r.firstName} ${r.lastName}` : "";
  };
  const done = (scores: Record<string, number> | null) =>
    scores !== null && event.rubric !== null && checkRubricScores(event.rubric, scores).complete;
  const view = (row: (typeof interviews)[number]) => ({
    interviewId: row.i.id,
    studentName: nameOf(row.i.eventStudentId),
    startsAt: row.i.startsAt.toISOString(),
    endsAt: row.i.endsAt.toISOString(),
    studentCheckedIn: student.get(row.i.eventStudentId)?.s.checkedInAt != null,
    scored: done(row.scores),
  });
  const byVolunteer = new Map<string, typeof interviews>();
  for (const row of interviews) {
    const list = byVolunteer.get(row.i.volunteerId) ?? [];
    list.push(row);
    byVolunteer.set(row.i.volunteerId, list);
  }
  const t = at.getTime();
  const stations = volunteers
    .filter(({ v }) => byVolunteer.has(v.id) || v.station !== null)
    .map(({ v }) => {
      const mine = byVolunteer.get(v.id) ?? [];
      const current = mine.find((r) => r.i.startsAt.getTime() <= t && r.i.endsAt.getTime() > t);
      const next = mine.find((r) => r.i.startsAt.getTime() > t);
      return {
        volunteerId: v.id,
        name: v.name,
        employerName: v.employerName,
        station: v.station,
        checkedInAt: v.checkedInAt?.toISOString() ?? null,
        current: current ? view(current) : null,
        next: next ? view(next) : null,
      };
    })
    .sort((a, b) => (a.station ?? "").localeCompare(b.station ?? "", "en", { numeric: true }));

  const firstComing = new Map<string, Date>();
  for (const { i } of interviews) {
    if (i.startsAt.getTime() >= t && !firstComing.has(i.eventStudentId)) firstComing.set(i.eventStudentId, i.startsAt);
  }
  const soon = studentRows
    .filter((r) => r.s.checkedInAt === null)
    .flatMap((r) => {
      const starts = firstComing.get(r.s.id);
      return starts && starts.getTime() - t <= SOON_MS
        ? [{ eventStudentId: r.s.id, name: nameOf(r.s.id), schoolName: r.schoolName, startsAt: starts.toISOString() }]
        : [];
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return {
    at: at.toISOString(),
    counts: {
      volunteersCheckedIn: volunteers.filter(({ v }) => v.checkedInAt !== null).length,
      volunteersExpected: volunteers.length,
      studentsCheckedIn: studentRows.filter((r) => r.s.checkedInAt !== null).length,
      studentsExpected: studentRows.length,
      interviewsDone: interviews.filter((r) => done(r.scores)).length,
      interviewsTotal: interviews.length,
    },
    stations,
    soon,
    volunteers: volunteers.map(({ v, roleName }) => ({
      id: v.id,
      name: v.name,
      employerName: v.employerName,
      roleName,
      station: v.station,
      badgeCode: v.badgeCode,
      checkedInAt: v.checkedInAt?.toISOString() ?? null,
    })),
    students: studentRows.map((r) => ({
      id: r.s.id,
      name: nameOf(r.s.id),
      schoolName: r.schoolName,
      badgeCode: r.s.badgeCode,
      checkedInAt: r.s.checkedInAt?.toISOString() ?? null,
    })),
  };
}
