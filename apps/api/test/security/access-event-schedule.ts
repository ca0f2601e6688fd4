import {
  eventInterviews,
  eventRoles,
  eventSchools,
  eventStudents,
  eventVolunteers,
  events,
  users,
} from "@bridgework/db";
import { eq } from "drizzle-orm";
import { get, send } from "./access-platform.ts";
import type { RouteEntry } from "./matrix.ts";
import { WORLD_NOW, type World } from "./world.ts";

/**
 * Authorization table, part: an event's students, built schedule and printables. Those who run
 * the event (the intermediary, the district's coordinator) do everything; a teacher of a school
 * taking part reads their own school's students, schedule, badges and rubric results.
 */

const RUNS = { intermediary: "region", coordinator: "district" } as const;
const RUNS_OR_TEACHER = { ...RUNS, teacher: "school" } as const;

/**
 * A fresh Valley Unified mock-interview day with Valley High taking part (Eastside High does
 * not), three interviewers in one scheduled shift and one Valley High student, optionally built.
 */
async function freshEvent(w: World, built = false) {
  const db = w.h.db.db;
  const tag = w.fresh.tag();
  const [coordinator] = await db.select().from(users).where(eq(users.email, "coordinator@valley.example"));
  const startsAt = new Date(WORLD_NOW.getTime() + 7 * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      regionId: w.ids.valley,
      districtId: w.ids.district,
      createdBy: coordinator!.id,
      kind: "mock_interviews",
      status: "open",
      title: `Matrix interviews ${tag}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
      slotMinutes: 20,
      interviewsPerStudent: 2,
    })
    .returning();
  await db.insert(eventSchools).values({ eventId: event!.id, schoolId: w.ids.school });
  const [role] = await db
    .insert(eventRoles)
    .values({
      eventId: event!.id,
      name: "Interviewer",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      needed: 10,
      scheduled: true,
    })
    .returning();
  const volunteers = await db
    .insert(eventVolunteers)
    .values(
      [0, 1, 2].map((i) => ({
        eventId: event!.id,
        roleId: role!.id,
        name: `Matrix Volunteer ${i}`,
        email: `matrix-${tag}-${i}@volunteer.example`,
        employerName: `Matrix Employer ${i}`,
        badgeCode: `V-${tag}-${i}`,
        checkedInAt: WORLD_NOW,
      })),
    )
    .returning();
  const student = await w.fresh.student();
  const [eventStudent] = await db
    .insert(eventStudents)
    .values({ eventId: event!.id, studentId: student.id, schoolId: w.ids.school, badgeCode: `S-${tag}` })
    .returning();
  if (built) {
    await db.insert(eventInterviews).values(
      [0, 1].map((i) => ({
        eventId: event!.id,
        eventStudentId: eventStudent!.id,
        volunteerId: volunteers[i]!.id,
        roleId: role!.id,
        startsAt: new Date(startsAt.getTime() + i * 20 * 60_000),
        endsAt: new Date(startsAt.getTime() + (i + 1) * 20 * 60_000),
      })),
    );
  }
  return { id: event!.id, volunteers, eventStudentId: eventStudent!.id };
}

/** Each world's read target: built once, read by every cell (keyed by world: test files may share this module). */
const shared = new WeakMap<World, Promise<{ id: string }>>();
const readable = (w: World) => {
  let event = shared.get(w);
  if (!event) {
    event = freshEvent(w, true);
    shared.set(w, event);
  }
  return event.then((e) => e.id);
};

export const eventScheduleRoutes: RouteEntry[] = [
  {
    route: "GET /api/events/:id/students",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/students`),
  },
  {
    route: "POST /api/events/:id/students",
    access: RUNS,
    table: eventStudents,
    request: async (w) => {
      const event = await freshEvent(w);
      const student = await w.fresh.student();
      return send("POST", `/api/events/${event.id}/students`, { studentIds: [student.id] });
    },
  },
  {
    route: "DELETE /api/events/:id/students/:eventStudentId",
    access: RUNS,
    ok: 204,
    table: eventStudents,
    request: async (w) => {
      const event = await freshEvent(w);
      return send("DELETE", `/api/events/${event.id}/students/${event.eventStudentId}`);
    },
  },
  {
    route: "POST /api/events/:id/schedule",
    access: RUNS,
    table: eventInterviews,
    request: async (w) => send("POST", `/api/events/${(await freshEvent(w)).id}/schedule`, {}),
  },
  {
    route: "GET /api/events/:id/schedule",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/schedule?by=volunteer`),
  },
  {
    route: "POST /api/events/:id/schedule/replace",
    access: RUNS,
    table: eventInterviews,
    request: async (w) => {
      const event = await freshEvent(w, true);
      return send("POST", `/api/events/${event.id}/schedule/replace`, { volunteerIds: [event.volunteers[0]!.id] });
    },
  },
  {
    route: "GET /api/events/:id/schedules.pdf",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/schedules.pdf?by=student`),
  },
  {
    route: "GET /api/events/:id/badges.pdf",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/badges.pdf`),
  },
  {
    route: "GET /api/events/:id/rubric-results.pdf",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/rubric-results.pdf`),
  },
  {
    route: "GET /api/events/:id/rubric-results.csv",
    access: RUNS_OR_TEACHER,
    request: async (w) => get(`/api/events/${await readable(w)}/rubric-results.csv`),
  },
  {
    route: "GET /api/events/:id/volunteer-hours.csv",
    access: RUNS,
    request: async (w) => get(`/api/events/${await readable(w)}/volunteer-hours.csv`),
  },
];
