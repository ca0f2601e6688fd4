import { eventInterviews, eventScores, eventSchools, eventStudents, eventVolunteers } from "@bridgework/db";
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { pdfText } from "../../../test/pdf-text.ts";
import { insertEvent, insertStudents, pathwayOf, valley } from "./event-schedule.fixtures.ts";

let h: Harness;
let v: Awaited<ReturnType<typeof valley>>;
let coordinator: { authorization: string };
beforeAll(async () => {
  h = await createHarness();
  v = await valley(h);
  coordinator = await h.as("coordinator@valley.example");
});
afterAll(() => h.close());

const get = (url: string, headers = coordinator) => h.app.inject({ method: "GET", url, headers });
const post = (url: string, payload: object, headers = coordinator) =>
  h.app.inject({ method: "POST", url, headers, payload });

describe("adding students", () => {
  it("adds a school's students by grade and pathway, a list, skips repeats, and refuses outsiders", async () => {
    const { event } = await insertEvent(h, v, { perShift: 2 });
    const eleventh = await insertStudents(h, 4, { ...v, schoolId: v.school }, 11);
    await insertStudents(h, 2, { ...v, schoolId: v.school }, 10);
    const pathway = await pathwayOf(h, v.school);
    const res = await post(`/api/events/${event.id}/students`, {
      schoolId: v.school,
      grade: 11,
      pathwayId: pathway.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const added = res.json<{ added: number; skipped: number }>();
    // The demo data may already hold grade-11 students at Valley High: at least the four made here.
    expect(added.added).toBeGreaterThanOrEqual(4);
    expect(added.skipped).toBe(0);

    const again = await post(`/api/events/${event.id}/students`, { schoolId: v.school, grade: 11 });
    expect(again.json()).toEqual({ added: 0, skipped: added.added });

    const list = await get(`/api/events/${event.id}/students`);
    const items = list.json<{
      items: Array<{ studentId: string; badgeCode: string; pathwayName: string; grade: number }>;
    }>().items;
    expect(items.map((i) => i.studentId)).toEqual(expect.arrayContaining(eleventh.map((s) => s.id)));
    expect(items.every((i) => i.grade === 11 && i.pathwayName === pathway.name)).toBe(true);
    expect(new Set(items.map((i) => i.badgeCode)).size).toBe(items.length);
    expect(items[0]!.badgeCode).toMatch(/^S-[2-9A-Z]{4}$/);

    const eastside = await insertStudents(h, 2, { ...v, schoolId: v.otherSchool });
    const byList = await post(`/api/events/${event.id}/students`, {
      studentIds: [...eastside.map((s) => s.id), eleventh[0]!.id],
    });
    expect(byList.json()).toEqual({ added: 2, skipped: 1 });

    // Another district's coordinator: the event looks missing.
    const riverbend = await h.as("coordinator@riverbend.example");
    expect((await post(`/api/events/${event.id}/students`, { schoolId: v.school }, riverbend)).statusCode).toBe(404);
    // A school not taking part: 422 naming the field.
    await h.db.db
      .delete(eventSchools)
      .where(and(eq(eventSchools.eventId, event.id), eq(eventSchools.schoolId, v.otherSchool)));
    const notPart = await post(`/api/events/${event.id}/students`, { schoolId: v.otherSchool });
    expect(notPart.statusCode).toBe(422);
    expect(notPart.json().errors[0].path).toBe("schoolId");
    // A student the caller cannot see (another region's): 404, nothing added.
    const coast = await h.orgId("Coast High");
    const [coastSchool] = await h.db.db
      .execute<{ region_id: string; parent_id: string }>(
        sql`SELECT region_id, parent_id FROM organizations WHERE id = ${coast}`,
      )
      .then((r) => r.rows);
    const [stranger] = await insertStudents(h, 1, {
      regionId: coastSchool!.region_id,
      districtId: coastSchool!.parent_id,
      schoolId: coast,
    });
    expect((await post(`/api/events/${event.id}/students`, { studentIds: [stranger!.id] })).statusCode).toBe(404);

    // A teacher of Valley High sees only their school's students; a teacher of a school not taking part: 404.
    const teacher = await h.as("teacher@valley.example");
    const seen = (await get(`/api/events/${event.id}/students`, teacher)).json<{
      items: Array<{ schoolId: string }>;
    }>();
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((i) => i.schoolId === v.school)).toBe(true);
    expect((await get(`/api/events/${event.id}/students`, await h.as("teacher2@valley.example"))).statusCode).toBe(404);
    expect((await post(`/api/events/${event.id}/students`, { schoolId: v.school }, teacher)).statusCode).toBe(403);

    const one = items[0]!;
    const [row] = await h.db.db.select().from(eventStudents).where(eq(eventStudents.studentId, one.studentId));
    expect(
      (
        await h.app.inject({
          method: "DELETE",
          url: `/api/events/${event.id}/students/${row!.id}`,
          headers: coordinator,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await h.app.inject({
          method: "DELETE",
          url: `/api/events/${event.id}/students/${row!.id}`,
          headers: coordinator,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("building the schedule", () => {
  it("gives 120 students 3 interviews with 3 different interviewers, nobody double-booked, then replaces a no-show", async () => {
    const { event, volunteers } = await insertEvent(h, v, { perShift: 15, employers: 10 });
    const kids = await insertStudents(h, 120, { ...v, schoolId: v.school }, 9);
    expect((await post(`/api/events/${event.id}/students`, { studentIds: kids.map((k) => k.id) })).json().added).toBe(
      120,
    );

    const res = await post(`/api/events/${event.id}/schedule`, {});
    expect(res.statusCode, res.body).toBe(200);
    const built = res.json();
    expect(built).toMatchObject({ interviews: 360, students: 120, fullyScheduled: 120, short: [] });

    const perStudent = await h.db.db.execute<{ n: number; interviewers: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT volunteer_id)::int AS interviewers FROM event_interviews WHERE event_id = ${event.id} GROUP BY event_student_id`,
    );
    expect(perStudent.rows).toHaveLength(120);
    expect(perStudent.rows.every((r) => r.n === 3 && r.interviewers === 3)).toBe(true);
    const doubleBooked = await h.db.db.execute(
      sql`SELECT 1 FROM event_interviews a JOIN event_interviews b ON a.id <> b.id AND a.event_id = b.event_id
          AND (a.volunteer_id = b.volunteer_id OR a.event_student_id = b.event_student_id)
          AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE a.event_id = ${event.id}`,
    );
    expect(doubleBooked.rows).toHaveLength(0);
    const inBreak = await h.db.db.execute(
      sql`SELECT 1 FROM event_interviews WHERE event_id = ${event.id} AND starts_at < '2031-03-11T18:15:00Z' AND ends_at > '2031-03-11T18:00:00Z'`,
    );
    expect(inBreak.rows).toHaveLength(0);
    const stations = await h.db.db
      .select({ station: eventVolunteers.station, roleId: eventVolunteers.roleId })
      .from(eventVolunteers)
      .where(eq(eventVolunteers.eventId, event.id));
    expect(stations.every((s) => s.station !== null && /^\d+$/.test(s.station))).toBe(true);
    // Within one shift every interviewer has a table of their own.
    const morning = stations.filter((s) => s.roleId === volunteers[0]!.roleId).map((s) => s.station);
    expect(new Set(morning).size).toBe(morning.length);

    const byStudent = (await get(`/api/events/${event.id}/schedule?by=student`)).json();
    expect(byStudent.groups).toHaveLength(120);
    expect(byStudent.groups[0].slots).toHaveLength(3);
    expect((await get(`/api/events/${event.id}/schedule?by=station`)).json().groups[0].title).toBe("1");

    // A no-show: only their slots move; every other interview keeps its row.
    const gone = volunteers[3]!;
    const before = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, event.id));
    const theirs = before.filter((i) => i.volunteerId === gone.id);
    expect(theirs.length).toBeGreaterThan(0);
    const replaced = await post(`/api/events/${event.id}/schedule/replace`, { volunteerIds: [gone.id] });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ moved: theirs.length, lost: 0, short: [] });
    const after = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, event.id));
    const others = before.filter((i) => i.volunteerId !== gone.id);
    const afterById = new Map(after.map((i) => [i.id, i]));
    expect(
      others.every(
        (i) =>
          afterById.get(i.id)?.volunteerId === i.volunteerId &&
          afterById.get(i.id)?.startsAt.getTime() === i.startsAt.getTime(),
      ),
    ).toBe(true);
    expect(after.filter((i) => i.volunteerId === gone.id)).toHaveLength(0);
    expect(after).toHaveLength(360);
    // The new rows are exactly the no-show's students' replacements, with someone else.
    const beforeIds = new Set(before.map((i) => i.id));
    const added = after.filter((i) => !beforeIds.has(i.id));
    expect(added.map((i) => i.eventStudentId).sort()).toEqual(theirs.map((i) => i.eventStudentId).sort());
  });

  it("reports students it cannot fully schedule, with the reason, and refuses events without a schedule", async () => {
    const { event } = await insertEvent(h, v, { perShift: 1, shifts: 1, slotMinutes: 20, shiftHours: 1 });
    await insertStudents(h, 1, { ...v, schoolId: v.school }, 12);
    const [late] = await insertStudents(h, 1, { ...v, schoolId: v.otherSchool }, 12);
    const [early] = await insertStudents(h, 1, { ...v, schoolId: v.school }, 12);
    await post(`/api/events/${event.id}/students`, { studentIds: [late!.id, early!.id] });
    // Eastside High only comes in the afternoon, after the only shift.
    await h.db.db
      .update(eventSchools)
      .set({ arrivesAt: new Date("2031-03-11T21:00:00Z") })
      .where(and(eq(eventSchools.eventId, event.id), eq(eventSchools.schoolId, v.otherSchool)));
    const built = (await post(`/api/events/${event.id}/schedule`, {})).json();
    expect(built).toMatchObject({ students: 2, fullyScheduled: 0, interviews: 1 });
    expect(built.short).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          studentName: `${late!.firstName} ${late!.lastName}`,
          missing: 3,
          reason: "no-slot-in-student-periods",
        }),
        expect.objectContaining({
          studentName: `${early!.firstName} ${early!.lastName}`,
          missing: 2,
          reason: "no-free-interviewer",
        }),
      ]),
    );

    const fair = await insertEvent(h, v, { perShift: 1, shifts: 1, kind: "career_fair" });
    const refused = await post(`/api/events/${fair.event.id}/schedule`, {});
    expect(refused.statusCode).toBe(409);
    const es = await h.app.inject({
      method: "POST",
      url: `/api/events/${fair.event.id}/schedule`,
      headers: { ...coordinator, "accept-language": "es" },
      payload: {},
    });
    expect(es.json().detail).toBeTruthy();
  });
});

describe("printables", () => {
  it("prints schedules, badges, rubric results and volunteer hours that read back", async () => {
    const { event, volunteers } = await insertEvent(h, v, { perShift: 4, employers: 2 });
    const kids = await insertStudents(h, 6, { ...v, schoolId: v.school }, 10);
    await post(`/api/events/${event.id}/students`, { studentIds: kids.map((k) => k.id) });
    await post(`/api/events/${event.id}/schedule`, {});

    const byVolunteer = await get(`/api/events/${event.id}/schedules.pdf?by=volunteer`);
    expect(byVolunteer.statusCode).toBe(200);
    expect(byVolunteer.headers["content-type"]).toBe("application/pdf");
    const text = await pdfText(byVolunteer.rawPayload);
    for (const vol of volunteers) expect(text).toContain(vol.name);
    expect(text).toContain(`${kids[0]!.firstName} ${kids[0]!.lastName}`);
    // Times in the region's zone (Pacific, daylight time): the first shift starts at 16:00 UTC = 9:00 AM.
    expect(text).toContain("9:00 AM - 9:15 AM");
    const byStation = await pdfText((await get(`/api/events/${event.id}/schedules.pdf?by=station`)).rawPayload);
    expect(byStation).toContain("Table 1");

    const badges = await get(`/api/events/${event.id}/badges.pdf`);
    const badgeText = await pdfText(badges.rawPayload);
    const codes = await h.db.db
      .select({ code: eventStudents.badgeCode })
      .from(eventStudents)
      .where(eq(eventStudents.eventId, event.id));
    for (const c of codes) expect(badgeText).toContain(c.code);
    expect(badgeText).toContain(volunteers[0]!.name);

    // Scores as the interviewer page saves them.
    const interviews = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, event.id));
    const scored = interviews.filter((i) => i.eventStudentId === interviews[0]!.eventStudentId);
    await h.db.db.insert(eventScores).values(
      scored.map((i, k) => ({
        interviewId: i.id,
        scores: { first_impression: 4, communication: 3, preparation: 2 + (k % 2), professionalism: 4 },
        comment: k === 0 ? '=HYPERLINK("x") strong handshake' : "Good answers",
      })),
    );
    const csv = await get(`/api/events/${event.id}/rubric-results.csv`);
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(interviews.length);
    const first = rows.find((r) => r.comment?.includes("strong handshake"))!;
    expect(first.comment).toBe('\'=HYPERLINK("x") strong handshake');
    expect(first.communication).toBe("3");
    expect(first.average).toBe("3.25");
    expect(rows.filter((r) => r.average === "").length).toBe(interviews.length - scored.length);

    const rubricPdf = await pdfText((await get(`/api/events/${event.id}/rubric-results.pdf`)).rawPayload);
    expect(rubricPdf).toContain("Communication: 3 / 4");
    const spanish = await h.app.inject({
      method: "GET",
      url: `/api/events/${event.id}/rubric-results.pdf`,
      headers: await h.as("teacher@valley.example"),
    });
    expect(spanish.statusCode).toBe(200);

    // Hours: only confirmed volunteers who checked in (two of Employer 0, one of Employer 1).
    const came = [volunteers[0]!, volunteers[2]!, volunteers[1]!];
    for (const c of came)
      await h.db.db.update(eventVolunteers).set({ checkedInAt: new Date() }).where(eq(eventVolunteers.id, c.id));
    await h.db.db
      .update(eventVolunteers)
      .set({ status: "cancelled", checkedInAt: new Date() })
      .where(eq(eventVolunteers.id, volunteers[4]!.id));
    const hours = parse((await get(`/api/events/${event.id}/volunteer-hours.csv`)).body, { columns: true }) as Array<
      Record<string, string>
    >;
    expect(hours).toEqual([
      { employer: "Employer 0", volunteers_checked_in: "2", shifts_checked_in: "2", hours_checked_in: "8" },
      { employer: "Employer 1", volunteers_checked_in: "1", shifts_checked_in: "1", hours_checked_in: "4" },
    ]);
    expect(
      (await get(`/api/events/${event.id}/volunteer-hours.csv`, await h.as("teacher@valley.example"))).statusCode,
    ).toBe(403);
  });
});

describe("in parallel", () => {
  it("parallel adds never share a badge code and parallel builds leave one schedule", async () => {
    const { event } = await insertEvent(h, v, { perShift: 6 });
    const kids = await insertStudents(h, 30, { ...v, schoolId: v.school }, 8);
    const answers = await Promise.all(
      [0, 1, 2].map((k) =>
        post(`/api/events/${event.id}/students`, { studentIds: kids.slice(k * 8, k * 8 + 14).map((s) => s.id) }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.reduce((n, a) => n + a.json().added, 0)).toBe(30);
    const rows = await h.db.db.select().from(eventStudents).where(eq(eventStudents.eventId, event.id));
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.badgeCode)).size).toBe(30);

    const builds = await Promise.all([0, 1].map(() => post(`/api/events/${event.id}/schedule`, {})));
    expect(builds.map((b) => b.statusCode)).toEqual([200, 200]);
    const interviews = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, event.id));
    expect(interviews).toHaveLength(builds[1]!.json().interviews);
    expect(interviews).toHaveLength(90);
  });
});
