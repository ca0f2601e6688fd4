import {
  type DbOrTx,
  eventInterviews,
  eventRoles,
  eventStudents,
  eventVolunteers,
  organizations,
  students,
} from "@bridgework/db";
import type { ScheduleGroup, ScheduleGrouping, ScheduleSlot, ShortStudent, ShortStudentView } from "@bridgework/domain";
import { and, asc, eq, inArray } from "drizzle-orm";

/** Every interview of the event with the names a reader needs (optionally one school's students only). */
export async function scheduleSlots(db: DbOrTx, eventId: string, schoolId: string | null): Promise<ScheduleSlot[]> {
  const rows = await db
    .select({
      interview: eventInterviews,
      station: eventVolunteers.station,
      volunteerName: eventVolunteers.name,
      employerName: eventVolunteers.employerName,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: organizations.name,
    })
    .from(eventInterviews)
    .innerJoin(eventVolunteers, eq(eventVolunteers.id, eventInterviews.volunteerId))
    .innerJoin(eventStudents, eq(eventStudents.id, eventInterviews.eventStudentId))
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .where(and(eq(eventInterviews.eventId, eventId), schoolId ? eq(eventStudents.schoolId, schoolId) : undefined))
    .orderBy(asc(eventInterviews.startsAt), asc(eventVolunteers.name), asc(eventInterviews.id));
  return rows.map((r) => ({
    interviewId: r.interview.id,
    startsAt: r.interview.startsAt.toISOString(),
    endsAt: r.interview.endsAt.toISOString(),
    station: r.station,
    eventStudentId: r.interview.eventStudentId,
    studentName: `${r.firstName} ${r.lastName}`,
    schoolName: r.schoolName,
    volunteerId: r.interview.volunteerId,
    volunteerName: r.volunteerName,
    employerName: r.employerName,
  }));
}

/** Stations sort as numbers ("2" before "10"); anything else after, by text. */
export const stationOrder = (a: string | null, b: string | null) =>
  (Number(a ?? Number.POSITIVE_INFINITY) || Number.POSITIVE_INFINITY) -
    (Number(b ?? Number.POSITIVE_INFINITY) || Number.POSITIVE_INFINITY) || String(a).localeCompare(String(b));

/** The slots grouped for one reader: each student's, each interviewer's, or each station's day. */
export function groupSlots(slots: readonly ScheduleSlot[], by: ScheduleGrouping): ScheduleGroup[] {
  const groups = new Map<string, ScheduleGroup>();
  for (const slot of slots) {
    const key = by === "student" ? slot.eventStudentId : by === "volunteer" ? slot.volunteerId : (slot.station ?? "");
    let group = groups.get(key);
    if (!group) {
      group =
        by === "student"
          ? { key, title: slot.studentName, subtitle: slot.schoolName, station: null, slots: [] }
          : by === "volunteer"
            ? { key, title: slot.volunteerName, subtitle: slot.employerName, station: slot.station, slots: [] }
            : { key, title: slot.station ?? "", subtitle: null, station: slot.station, slots: [] };
      groups.set(key, group);
    }
    group.slots.push(slot);
  }
  const list = [...groups.values()];
  return by === "station"
    ? list.sort((a, b) => stationOrder(a.station, b.station))
    : list.sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key));
}

/** The scheduler's short list with the names a coordinator reads. */
export async function shortWithNames(db: DbOrTx, short: readonly ShortStudent[]): Promise<ShortStudentView[]> {
  if (short.length === 0) return [];
  const rows = await db
    .select({
      id: eventStudents.id,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: organizations.name,
    })
    .from(eventStudents)
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .where(
      inArray(
        eventStudents.id,
        short.map((s) => s.studentId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return short
    .map((s) => {
      const r = byId.get(s.studentId);
      return {
        eventStudentId: s.studentId,
        studentName: r ? `${r.firstName} ${r.lastName}` : "",
        schoolName: r?.schoolName ?? "",
        missing: s.missing,
        reason: s.reason,
      };
    })
    .sort((a, b) => a.studentName.localeCompare(b.studentName));
}

/**
 * Seats each scheduled volunteer who has an interview at a numbered station ("1", "2"…; the
 * reader's language says "Table 1"). `renumber` (a fresh build) numbers each shift from 1 by
 * employer and name, so colleagues sit side by side and the afternoon reuses the morning's
 * tables; a shift overlapping an earlier one continues after that one's numbers. Otherwise (a
 * replacement) stations stay and only newly busy volunteers get the next free numbers.
 * Volunteers left without an interview lose theirs. Answers how many volunteers are seated.
 */
export async function assignStations(db: DbOrTx, eventId: string, renumber: boolean): Promise<number> {
  const busy = new Set(
    (
      await db
        .selectDistinct({ id: eventInterviews.volunteerId })
        .from(eventInterviews)
        .where(eq(eventInterviews.eventId, eventId))
    ).map((r) => r.id),
  );
  const volunteers = await db
    .select({
      id: eventVolunteers.id,
      station: eventVolunteers.station,
      roleId: eventRoles.id,
      startsAt: eventRoles.startsAt,
      endsAt: eventRoles.endsAt,
    })
    .from(eventVolunteers)
    .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
    .where(eq(eventVolunteers.eventId, eventId))
    .orderBy(
      asc(eventRoles.startsAt),
      asc(eventRoles.position),
      asc(eventRoles.id),
      asc(eventVolunteers.employerName),
      asc(eventVolunteers.name),
      asc(eventVolunteers.id),
    );
  const wanted = new Map<string, string | null>();
  if (renumber) {
    /** Per shift: its time and the highest number it used. */
    const shifts: { roleId: string; startsAt: Date; endsAt: Date; last: number }[] = [];
    for (const v of volunteers) {
      if (!busy.has(v.id)) continue;
      let shift = shifts.find((s) => s.roleId === v.roleId);
      if (!shift) {
        const overlapping = shifts.filter((s) => s.startsAt < v.endsAt && v.startsAt < s.endsAt);
        shift = {
          roleId: v.roleId,
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          last: Math.max(0, ...overlapping.map((s) => s.last)),
        };
        shifts.push(shift);
      }
      wanted.set(v.id, String(++shift.last));
    }
  } else {
    let next = Math.max(0, ...volunteers.filter((v) => busy.has(v.id)).map((v) => Number(v.station) || 0)) + 1;
    for (const v of volunteers) if (busy.has(v.id)) wanted.set(v.id, v.station ?? String(next++));
  }
  for (const v of volunteers) {
    const station = wanted.get(v.id) ?? null;
    if (station !== v.station) await db.update(eventVolunteers).set({ station }).where(eq(eventVolunteers.id, v.id));
  }
  return busy.size;
}
