import { auditLog, eventInterviews, eventScores, eventStudents, eventVolunteers, organizations } from "@bridgework/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventDayFixture, insertEventDay } from "../../../test/fixtures/event-day.fixtures.ts";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

const START = new Date("2031-05-01T15:00:00Z");
// 25 minutes into the day: the second slot (15:20–15:40) is under way.
const clock = manualClock(new Date(START.getTime() + 25 * 60_000));
let h: Harness;
let auth: { authorization: string };
let ids: { regionId: string; districtId: string; schoolId: string; createdBy: string };
beforeAll(async () => {
  h = await createHarness({ clock });
  auth = await h.as("coordinator@valley.example");
  const schoolId = await h.orgId("Valley High");
  const [school] = await h.db.db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.id, schoolId));
  ids = {
    regionId: school!.regionId,
    districtId: await h.orgId("Valley Unified"),
    schoolId,
    createdBy: await h.userId("coordinator@valley.example"),
  };
});
afterAll(() => h.close());

const day = (over: Partial<Parameters<typeof insertEventDay>[1]> = {}) =>
  insertEventDay(h.db.db, { ...ids, startsAt: START, ...over });
const post = (url: string, payload: object = {}) => h.app.inject({ method: "POST", url, headers: auth, payload });
const del = (url: string) => h.app.inject({ method: "DELETE", url, headers: auth });
const get = (url: string) => h.app.inject({ method: "GET", url, headers: auth });
const scoreUrl = (token: string, interviewId: string) =>
  `/api/public/volunteer/${token}/interviews/${interviewId}/score`;
const put = (token: string, interviewId: string, payload: object) =>
  h.app.inject({ method: "PUT", url: scoreUrl(token, interviewId), payload });
const interviewsOf = (volunteerId: string) =>
  h.db.db.select().from(eventInterviews).where(eq(eventInterviews.volunteerId, volunteerId));
const allScores = { first_impression: 3, communication: 4, preparation: 2, professionalism: 3 };

describe("check-in by badge code", () => {
  let e: EventDayFixture;
  beforeAll(async () => {
    e = await day({ interviews: [[0, 0, 40]] });
  });

  it("checks in a volunteer whatever the case and spaces, answering who, role, station and next interview", async () => {
    const typed = ` ${e.volunteers[0]!.badgeCode.toLowerCase().replace("-", " - ")} `;
    const res = await post(`/api/events/${e.eventId}/check-in`, { code: typed });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "volunteer",
      id: e.volunteers[0]!.id,
      name: e.volunteers[0]!.name,
      detail: "Interviewer",
      station: "1",
      alreadyCheckedIn: false,
      checkedInAt: clock.now().toISOString(),
      nextInterview: { startsAt: "2031-05-01T15:40:00.000Z", withName: `Ana0 ${e.students[0]!.lastName}` },
    });
    const [row] = await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.id, e.volunteers[0]!.id));
    expect(row!.checkedInAt).toEqual(clock.now());
  });

  it("answers a second scan with the time of the first, not an error", async () => {
    const first = clock.now().toISOString();
    clock.advance(5 * 60_000);
    const res = await post(`/api/events/${e.eventId}/check-in`, { code: e.volunteers[0]!.badgeCode });
    clock.advance(-5 * 60_000);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first });
  });

  it("checks in a student by their badge, names their school, and audits it", async () => {
    const res = await post(`/api/events/${e.eventId}/check-in`, { code: e.students[1]!.badgeCode });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "student", id: e.students[1]!.id, detail: "Valley High" });
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "check_in"), eq(auditLog.entityId, e.students[1]!.id)));
    expect(audits).toHaveLength(1);
  });

  it("does not know a code of another event, nor an unknown one (404, in the reader's language)", async () => {
    const other = await day();
    const res = await post(`/api/events/${e.eventId}/check-in`, { code: other.volunteers[0]!.badgeCode });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toMatch(/No badge with that code at this event/);
    const es = await h.app.inject({
      method: "POST",
      url: `/api/events/${e.eventId}/check-in`,
      headers: { ...auth, "accept-language": "es" },
      payload: { code: "NOPE-1" },
    });
    expect(es.statusCode).toBe(404);
    expect(es.json().detail).toMatch(/No hay ninguna credencial/);
    const [row] = await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.id, other.volunteers[0]!.id));
    expect(row!.checkedInAt).toBeNull();
  });

  it("checks in from the list and undoes a mistaken check-in", async () => {
    const s = e.students[2]!;
    const url = `/api/events/${e.eventId}/check-in/students/${s.id}`;
    expect((await post(url)).json()).toMatchObject({ kind: "student", alreadyCheckedIn: false });
    const undo = await del(url);
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ checkedInAt: null });
    const [row] = await h.db.db.select().from(eventStudents).where(eq(eventStudents.id, s.id));
    expect(row!.checkedInAt).toBeNull();
    const undone = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "undo_check_in"), eq(auditLog.entityId, s.id)));
    expect(undone).toHaveLength(1);
    const v = e.volunteers[1]!;
    const vr = await post(`/api/events/${e.eventId}/check-in/volunteers/${v.id}`);
    expect(vr.json()).toMatchObject({ kind: "volunteer", name: v.name });
    // Another event's volunteer through this event's address: 404.
    const other = await day();
    expect((await post(`/api/events/${e.eventId}/check-in/volunteers/${other.volunteers[0]!.id}`)).statusCode).toBe(
      404,
    );
  });
});

describe("no-shows", () => {
  it("moves only the no-show's interviews and leaves every other slot where it was", async () => {
    const e = await day({ volunteers: 4, students: 6, interviews: "build" });
    const gone = e.volunteers[0]!;
    const had = await interviewsOf(gone.id);
    expect(had.length).toBeGreaterThan(0);
    const others = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, e.eventId));
    const keptBefore = others.filter((i) => i.volunteerId !== gone.id).map((i) => i.id);
    const res = await post(`/api/events/${e.eventId}/no-shows`, { volunteerIds: [gone.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cancelled: 1, moved: had.length });
    expect(await interviewsOf(gone.id)).toEqual([]);
    const after = await h.db.db.select().from(eventInterviews).where(eq(eventInterviews.eventId, e.eventId));
    const afterIds = new Set(after.map((i) => i.id));
    expect(keptBefore.every((id) => afterIds.has(id))).toBe(true);
    const movedTo = after.filter((i) => !keptBefore.includes(i.id));
    const shortMissing = (res.json().short as Array<{ missing: number }>).reduce((a, s) => a + s.missing, 0);
    expect(movedTo.length + shortMissing).toBe(had.length);
    const [row] = await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.id, gone.id));
    expect(row!.status).toBe("cancelled");
  });

  it("refuses a volunteer who checked in (422) and changes nothing", async () => {
    const e = await day({ interviews: [[0, 0, 0]] });
    await post(`/api/events/${e.eventId}/check-in/volunteers/${e.volunteers[0]!.id}`);
    const res = await post(`/api/events/${e.eventId}/no-shows`, { volunteerIds: [e.volunteers[0]!.id] });
    expect(res.statusCode).toBe(422);
    expect(await interviewsOf(e.volunteers[0]!.id)).toHaveLength(1);
  });
});

describe("the live board", () => {
  it("shows each station now and next, students due soon and not in, and the counts", async () => {
    const e = await day({
      volunteers: 2,
      students: 3,
      interviews: [
        [0, 0, 0],
        [0, 1, 20],
        [0, 2, 40],
        [1, 1, 0],
        [1, 0, 20],
      ],
    });
    await post(`/api/events/${e.eventId}/check-in/volunteers/${e.volunteers[0]!.id}`);
    await post(`/api/events/${e.eventId}/check-in/students/${e.students[0]!.id}`);
    const [first] = await h.db.db
      .select()
      .from(eventInterviews)
      .where(and(eq(eventInterviews.volunteerId, e.volunteers[0]!.id), eq(eventInterviews.startsAt, START)));
    expect((await put(e.volunteers[0]!.token, first!.id, { scores: allScores })).statusCode).toBe(200);
    const [second] = await h.db.db
      .select()
      .from(eventInterviews)
      .where(and(eq(eventInterviews.volunteerId, e.volunteers[1]!.id), eq(eventInterviews.startsAt, START)));
    // Partial: saved, not done.
    expect((await put(e.volunteers[1]!.token, second!.id, { scores: { communication: 2 } })).statusCode).toBe(200);

    const res = await get(`/api/events/${e.eventId}/board?at=2031-05-01T15:25:00Z`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.counts).toEqual({
      volunteersCheckedIn: 1,
      volunteersExpected: 2,
      studentsCheckedIn: 1,
      studentsExpected: 3,
      interviewsDone: 1,
      interviewsTotal: 5,
    });
    const card = board.stations.find((s: { volunteerId: string }) => s.volunteerId === e.volunteers[0]!.id);
    expect(card.station).toBe("1");
    expect(card.checkedInAt).not.toBeNull();
    expect(card.current).toMatchObject({ studentName: `Ana1 ${e.students[1]!.lastName}`, studentCheckedIn: false });
    expect(card.next).toMatchObject({
      studentName: `Ana2 ${e.students[2]!.lastName}`,
      startsAt: "2031-05-01T15:40:00.000Z",
    });
    // Ana2 is due at 15:40 and not in; Ana0 is in; Ana1's only coming interview started already.
    expect(board.soon.map((s: { eventStudentId: string }) => s.eventStudentId)).toEqual([e.students[2]!.id]);
    expect(board.volunteers).toHaveLength(2);
    expect(board.students).toHaveLength(3);
  });
});

describe("the volunteer's own link", () => {
  let e: EventDayFixture;
  const mine = async (i: number) => (await interviewsOf(e.volunteers[i]!.id)).sort((a, b) => +a.startsAt - +b.startsAt);
  beforeAll(async () => {
    e = await day({
      volunteers: 2,
      students: 3,
      interviews: [
        [0, 0, 0],
        [0, 1, 20],
        [1, 2, 0],
      ],
    });
  });

  it("shows only their interviews, in time order, with students as first name and last initial", async () => {
    const res = await h.app.inject({ method: "GET", url: `/api/public/volunteer/${e.volunteers[0]!.token}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.volunteer).toMatchObject({ name: e.volunteers[0]!.name, station: "1" });
    expect(body.role).toMatchObject({ name: "Interviewer", bring: "Two copies of a job description" });
    expect(body.rubric.criteria).toHaveLength(4);
    expect(body.canScore).toBe(true);
    expect(body.event.timeZone).toBe("America/Los_Angeles");
    expect(
      body.interviews.map((i: { studentName: string; schoolName: string }) => [i.studentName, i.schoolName]),
    ).toEqual([
      ["Ana0 Q.", "Valley High"],
      ["Ana1 Q.", "Valley High"],
    ]);
    for (const s of e.students) expect(res.body).not.toContain(s.lastName);
  });

  it("refuses scores outside the rubric, one message per field", async () => {
    const [interview] = await mine(0);
    const res = await put(e.volunteers[0]!.token, interview!.id, {
      scores: { communication: 5, preparation: 0, charisma: 3, first_impression: 2 },
      comment: "Good",
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((x) => x.path).sort()).toEqual(["scores.charisma", "scores.communication", "scores.preparation"]);
    expect(errors.find((x) => x.path === "scores.communication")!.message).toMatch(/4 or less/);
    expect(await h.db.db.select().from(eventScores).where(eq(eventScores.interviewId, interview!.id))).toEqual([]);
  });

  it("saves a partial rubric as not complete, then the whole one as complete", async () => {
    const [, interview] = await mine(0);
    const partial = await put(e.volunteers[0]!.token, interview!.id, { scores: { communication: 3 } });
    expect(partial.json()).toMatchObject({ complete: false, scores: { communication: 3 } });
    const whole = await put(e.volunteers[0]!.token, interview!.id, {
      scores: allScores,
      comment: " Great eye contact ",
    });
    expect(whole.statusCode).toBe(200);
    expect(whole.json()).toMatchObject({
      complete: true,
      comment: "Great eye contact",
      savedAt: clock.now().toISOString(),
    });
    const again = await h.app.inject({ method: "GET", url: `/api/public/volunteer/${e.volunteers[0]!.token}` });
    expect(again.json().interviews[1].score).toMatchObject({ scores: allScores, complete: true });
  });

  it("keeps exactly one row when the same save arrives five times at once", async () => {
    const [interview] = await mine(0);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => put(e.volunteers[0]!.token, interview!.id, { scores: allScores, comment: "x" })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const rows = await h.db.db.select().from(eventScores).where(eq(eventScores.interviewId, interview!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.scores).toEqual(allScores);
  });

  it("answers 404 for another volunteer's interview and for an unknown link, 410 once the volunteer cancelled", async () => {
    const [theirs] = await mine(1);
    expect((await put(e.volunteers[0]!.token, theirs!.id, { scores: allScores })).statusCode).toBe(404);
    expect(await h.db.db.select().from(eventScores).where(eq(eventScores.interviewId, theirs!.id))).toEqual([]);
    const unknown = await h.app.inject({ method: "GET", url: `/api/public/volunteer/${"x".repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    await h.db.db
      .update(eventVolunteers)
      .set({ status: "cancelled" })
      .where(inArray(eventVolunteers.id, [e.volunteers[1]!.id]));
    const gone = await h.app.inject({ method: "GET", url: `/api/public/volunteer/${e.volunteers[1]!.token}` });
    expect(gone.statusCode).toBe(410);
  });
});
