import {
  type DbOrTx,
  eventInterviews,
  eventRoles,
  eventSchools,
  eventStudents,
  eventVolunteers,
  events,
  pathways,
  type Tx,
} from "@bridgework/db";
import {
  type Interview,
  rescheduleWithout,
  type Schedule,
  type ScheduleInput,
  type ScheduleShift,
  type ScheduleStudent,
} from "@bridgework/domain";
import { and, eq, inArray } from "drizzle-orm";

/**
 * The bridge between the stored event and the pure scheduler (`packages/domain`,
 * interview-schedule.ts): times become epoch milliseconds, a shift is a `scheduled` role, an
 * interviewer is one confirmed volunteer of such a role, a student's windows are their school's.
 */
export async function loadScheduleInput(db: DbOrTx, eventId: string): Promise<ScheduleInput> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new Error(`event ${eventId} does not exist`);
  const [roles, volunteers, students, schools] = await Promise.all([
    db
      .select()
      .from(eventRoles)
      .where(and(eq(eventRoles.eventId, eventId), eq(eventRoles.scheduled, true))),
    db
      .select()
      .from(eventVolunteers)
      .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
      .where(
        and(
          eq(eventVolunteers.eventId, eventId),
          eq(eventVolunteers.status, "confirmed"),
          eq(eventRoles.scheduled, true),
        ),
      ),
    db
      .select({ id: eventStudents.id, schoolId: eventStudents.schoolId, sector: pathways.sector })
      .from(eventStudents)
      .leftJoin(pathways, eq(pathways.id, eventStudents.pathwayId))
      .where(eq(eventStudents.eventId, eventId)),
    db.select().from(eventSchools).where(eq(eventSchools.eventId, eventId)),
  ]);
  const windowOf = new Map(
    schools.map((s) => [
      s.schoolId,
      s.arrivesAt || s.leavesAt
        ? [{ start: (s.arrivesAt ?? event.startsAt).getTime(), end: (s.leavesAt ?? event.endsAt).getTime() }]
        : [],
    ]),
  );
  const shifts: ScheduleShift[] = roles.map((r) => ({
    id: r.id,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
    breaks: r.breaks.map((b) => ({ start: Date.parse(b.startsAt), end: Date.parse(b.endsAt) })),
  }));
  const scheduleStudents: ScheduleStudent[] = students.map((s) => ({
    id: s.id,
    sector: s.sector,
    windows: windowOf.get(s.schoolId) ?? [],
  }));
  return {
    slotLength: event.slotMinutes * 60_000,
    interviewsPerStudent: event.interviewsPerStudent,
    shifts,
    interviewers: volunteers.map(({ event_volunteers: v }) => ({
      id: v.id,
      // A company not yet in Bridgework is told apart by the name its volunteers gave.
      employerId: v.organizationId ?? `name:${v.employerName.trim().toLowerCase()}`,
      sectors: v.sectors,
      shiftIds: [v.roleId],
    })),
    students: scheduleStudents,
  };
}

/** The stored schedule in the scheduler's terms. */
export async function loadInterviews(db: DbOrTx, eventId: string): Promise<Interview[]> {
  const rows = await db.select().from(eventInterviews).where(eq(eventInterviews.eventId, eventId));
  return rows.map((r) => ({
    studentId: r.eventStudentId,
    interviewerId: r.volunteerId,
    shiftId: r.roleId,
    start: r.startsAt.getTime(),
    end: r.endsAt.getTime(),
  }));
}

/** Replaces the event's stored schedule with `interviews` (scores of interviews that stay are kept). */
export async function saveInterviews(tx: Tx, eventId: string, interviews: readonly Interview[]): Promise<void> {
  const key = (i: { studentId: string; interviewerId: string; start: number }) =>
    `${i.studentId} ${i.interviewerId} ${i.start}`;
  const stored = await tx.select().from(eventInterviews).where(eq(eventInterviews.eventId, eventId));
  const wanted = new Set(interviews.map(key));
  const kept = new Set<string>();
  const drop: string[] = [];
  for (const r of stored) {
    const k = key({ studentId: r.eventStudentId, interviewerId: r.volunteerId, start: r.startsAt.getTime() });
    if (wanted.has(k)) kept.add(k);
    else drop.push(r.id);
  }
  for (let i = 0; i < drop.length; i += 5000) {
    await tx.delete(eventInterviews).where(inArray(eventInterviews.id, drop.slice(i, i + 5000)));
  }
  const added = interviews
    .filter((i) => !kept.has(key(i)))
    .map((i) => ({
      eventId,
      eventStudentId: i.studentId,
      volunteerId: i.interviewerId,
      roleId: i.shiftId,
      startsAt: new Date(i.start),
      endsAt: new Date(i.end),
    }));
  for (let i = 0; i < added.length; i += 2000) {
    await tx.insert(eventInterviews).values(added.slice(i, i + 2000));
  }
}

/**
 * A volunteer cancelled or did not check in: only the slots they had move, to others with free
 * capacity; every other interview stays where it was. Call inside the transaction that changed
 * the volunteers' status (the event row locked), after the change.
 */
export async function rescheduleWithoutVolunteers(
  tx: Tx,
  eventId: string,
  goneVolunteerIds: readonly string[],
): Promise<Schedule & { moved: number }> {
  const [input, previous] = await Promise.all([loadScheduleInput(tx, eventId), loadInterviews(tx, eventId)]);
  const gone = new Set(goneVolunteerIds);
  const schedule = rescheduleWithout(input, previous, gone);
  const lost = previous.filter((i) => gone.has(i.interviewerId)).length;
  await saveInterviews(tx, eventId, schedule.interviews);
  return { ...schedule, moved: lost };
}
