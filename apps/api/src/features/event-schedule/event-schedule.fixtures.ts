import {
  eventInterviews,
  eventRoles,
  eventSchools,
  eventScores,
  eventVolunteers,
  events,
  organizations,
  pathways,
  students,
  users,
} from "@bridgework/db";
import { eq, inArray } from "drizzle-orm";
import type { Harness } from "../../../test/harness.ts";

let n = 0;
const next = () => `${process.pid}-${++n}`;

/** The Valley ids the tests use. */
export async function valley(h: Harness) {
  const [school] = await h.db.db.select().from(organizations).where(eq(organizations.name, "Valley High"));
  const [coordinator] = await h.db.db.select().from(users).where(eq(users.email, "coordinator@valley.example"));
  return {
    regionId: school!.regionId,
    districtId: school!.parentId!,
    school: school!.id,
    otherSchool: await h.orgId("Eastside High"),
    coordinatorId: coordinator!.id,
  };
}

export async function insertStudents(
  h: Harness,
  count: number,
  at: { regionId: string; districtId: string; schoolId: string },
  grade = 11,
) {
  const rows = Array.from({ length: count }, () => {
    const t = next();
    return {
      regionId: at.regionId,
      districtId: at.districtId,
      schoolId: at.schoolId,
      localId: `EV-${t}`,
      firstName: `Stu${t.replace(/\D/g, "")}`,
      lastName: `Evento${t.replace(/\D/g, "")}`,
      birthDate: "2009-05-01",
      grade,
    };
  });
  return h.db.db.insert(students).values(rows).returning();
}

export async function pathwayOf(h: Harness, schoolId: string) {
  const [row] = await h.db.db.select().from(pathways).where(eq(pathways.schoolId, schoolId)).limit(1);
  return row!;
}

/**
 * A mock-interview event of Valley Unified on 2031-03-11 (Pacific): Valley High and Eastside
 * High take part; `shifts` scheduled interviewer shifts of 4 hours (8:00 and 12:30), a 15-minute
 * break at 10:00 in the first; `perShift` volunteers each, from `employers` employers.
 */
export async function insertEvent(
  h: Harness,
  v: Awaited<ReturnType<typeof valley>>,
  opts: {
    perShift: number;
    shifts?: number;
    employers?: number;
    slotMinutes?: number;
    interviewsPerStudent?: number;
    kind?: "mock_interviews" | "career_fair";
    shiftHours?: number;
  },
) {
  const db = h.db.db;
  const [event] = await db
    .insert(events)
    .values({
      regionId: v.regionId,
      districtId: v.districtId,
      createdBy: v.coordinatorId,
      kind: opts.kind ?? "mock_interviews",
      status: "open",
      title: `Spring Mock Interviews ${next()}`,
      startsAt: new Date("2031-03-11T15:00:00Z"),
      endsAt: new Date("2031-03-12T01:00:00Z"),
      location: "Valley High gym",
      slotMinutes: opts.slotMinutes ?? 15,
      interviewsPerStudent: opts.interviewsPerStudent ?? 3,
    })
    .returning();
  await db.insert(eventSchools).values([
    { eventId: event!.id, schoolId: v.school },
    { eventId: event!.id, schoolId: v.otherSchool },
  ]);
  const starts = ["2031-03-11T16:00:00Z", "2031-03-11T20:30:00Z"];
  const volunteers: (typeof eventVolunteers.$inferSelect)[] = [];
  const roles: (typeof eventRoles.$inferSelect)[] = [];
  for (let s = 0; s < (opts.shifts ?? 2); s++) {
    const startsAt = new Date(starts[s]!);
    const [role] = await db
      .insert(eventRoles)
      .values({
        eventId: event!.id,
        name: "Interviewer",
        startsAt,
        endsAt: new Date(startsAt.getTime() + (opts.shiftHours ?? 4) * 3_600_000),
        needed: 100,
        scheduled: true,
        position: s,
        breaks: s === 0 ? [{ startsAt: "2031-03-11T18:00:00.000Z", endsAt: "2031-03-11T18:15:00.000Z" }] : [],
      })
      .returning();
    roles.push(role!);
    if (opts.perShift > 0)
      volunteers.push(
        ...(await db
          .insert(eventVolunteers)
          .values(
            Array.from({ length: opts.perShift }, (_, i) => {
              const t = next();
              return {
                eventId: event!.id,
                roleId: role!.id,
                name: `Vol ${s}-${i} Rivera`,
                email: `vol.${t}@employer${i % (opts.employers ?? 10)}.example`,
                employerName: `Employer ${i % (opts.employers ?? 10)}`,
                sectors: ["Health Science and Medical Technology"],
                badgeCode: `V-${t}`,
              };
            }),
          )
          .returning()),
      );
  }
  return { event: event!, roles, volunteers };
}

/**
 * For the CSV formula-injection test: a built event whose students are the ones with the given
 * local ids, whose volunteers' names and employers are the payloads, every interview scored
 * with a payload as its comment, every volunteer checked in.
 */
export async function insertHostileEvent(h: Harness, localIds: readonly string[], coordinatorEmail: string) {
  const db = h.db.db;
  const kids = await db
    .select()
    .from(students)
    .where(inArray(students.localId, [...localIds]));
  const [coordinator] = await db.select().from(users).where(eq(users.email, coordinatorEmail));
  const startsAt = new Date("2026-03-10T16:00:00Z");
  const [event] = await db
    .insert(events)
    .values({
      regionId: kids[0]!.regionId,
      districtId: coordinator!.organizationId,
      createdBy: coordinator!.id,
      kind: "mock_interviews",
      status: "open",
      title: "=Hostile interviews",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
      interviewsPerStudent: 1,
    })
    .returning();
  await db
    .insert(eventSchools)
    .values([...new Set(kids.map((k) => k.schoolId))].map((schoolId) => ({ eventId: event!.id, schoolId })));
  const [role] = await db
    .insert(eventRoles)
    .values({
      eventId: event!.id,
      name: "Interviewer",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
      needed: 100,
      scheduled: true,
    })
    .returning();
  await db.insert(eventVolunteers).values(
    localIds.map((payload, i) => ({
      eventId: event!.id,
      roleId: role!.id,
      name: payload,
      email: `hostile.${i}@volunteer.example`,
      employerName: payload,
      badgeCode: `V-H${i}`,
      checkedInAt: startsAt,
    })),
  );
  const headers = await h.as(coordinatorEmail);
  const added = await h.app.inject({
    method: "POST",
    url: `/api/events/${event!.id}/students`,
    headers,
    payload: { studentIds: kids.map((k) => k.id) },
  });
  if (added.statusCode !== 200) throw new Error(`add students: ${added.body}`);
  const built = await h.app.inject({ method: "POST", url: `/api/events/${event!.id}/schedule`, headers, payload: {} });
  if (built.statusCode !== 200) throw new Error(`build: ${built.body}`);
  const interviews = await db.select().from(eventInterviews).where(eq(eventInterviews.eventId, event!.id));
  await db.insert(eventScores).values(
    interviews.map((interview, i) => ({
      interviewId: interview.id,
      scores: { first_impression: 3, communication: 4, preparation: 2, professionalism: 3 },
      comment: localIds[i % localIds.length]!,
    })),
  );
  return event!.id;
}
