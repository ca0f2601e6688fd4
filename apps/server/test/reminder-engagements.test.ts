import { emails, organizations, placements, users } from "@bridgework/db";
import { asc, eq, like } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engagementReminders } from "../../worker/src/sweeps/reminder-engagements.ts";
import { feedbackRequests } from "../../worker/src/sweeps/reminder-feedback.ts";
import {
  createMatchVia,
  insertOpportunity as insertMatchOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../api/test/fixtures/match.fixtures.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  signEverything,
} from "../../api/test/fixtures/placement.fixtures.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

const clock = manualClock(TEST_NOW);
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
  // Many asks go to one employer here; the monthly cap has its own tests.
  await h.db.db.update(organizations).set({ askCapPerMonth: null }).where(eq(organizations.type, "employer"));
});
afterAll(() => h.close());

const tomorrow = (now: Date) => engagementReminders({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });
const feedback = (now: Date) => feedbackRequests({ publicUrl: PUBLIC_URL })({ db: h.db.db, now });
const mail = (prefix: string) =>
  h.db.db
    .select()
    .from(emails)
    .where(like(emails.dedupeKey, `${prefix}%`))
    .orderBy(asc(emails.to), asc(emails.dedupeKey));

/** An engagement scheduled by the employer at `start`, accepted at TEST_NOW (the request's window holds that month: a time outside it is refused). */
async function scheduledMatch(start: string) {
  clock.set(TEST_NOW);
  const month = start.slice(0, 7);
  const window = { windowStart: `${month}-01`, windowEnd: `${month}-28` };
  const m = await createMatchVia(
    h,
    T.coordinator,
    (await insertRequest(h, window)).id,
    (await insertMatchOpportunity(h)).id,
  );
  expect((await post(h, T.employer, `/api/matches/${m.id}/accept`, { scheduledAt: start })).statusCode).toBe(200);
  return m.id;
}

function parseIcs(email: typeof emails.$inferSelect) {
  expect(email.attachments).toHaveLength(1);
  const calendar = new ICAL.Component(
    ICAL.parse(Buffer.from(email.attachments[0]!.content, "base64").toString("utf8")),
  );
  // The invite's times carry the region's TZID; its VTIMEZONE tells ical.js what that zone is.
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate,
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()).sort(),
  };
}

describe("the day before an engagement", () => {
  it("reminds the teacher and the employer's contacts once, with the invite they already have (same UID and SEQUENCE), however often it runs", async () => {
    const id = await scheduledMatch("2031-03-12T16:00:00Z");
    await tomorrow(new Date("2031-03-11T15:00:00Z")); // 25 hours before
    expect(await mail(`match:${id}:tomorrow:`)).toEqual([]);

    await tomorrow(new Date("2031-03-11T17:00:00Z"));
    await tomorrow(new Date("2031-03-11T17:00:00Z"));
    await tomorrow(new Date("2031-03-12T09:00:00Z"));
    const sent = await mail(`match:${id}:tomorrow:`);
    expect(sent.map((e) => e.to)).toEqual([T.employer, T.teacher]);
    // Shown in the region's zone (Los Angeles, daylight time since March 9).
    expect(sent[0]!.subject).toBe("Tomorrow: Industry tour, Wednesday, March 12, 2031 at 9:00 AM PDT");
    for (const email of sent) {
      const ics = parseIcs(email);
      expect(ics).toMatchObject({ method: "REQUEST", uid: `match-${id}@bridgework.dev`, sequence: 0 });
      expect(ics.start.toJSDate()).toEqual(new Date("2031-03-12T16:00:00Z"));
      expect(ics.attendees).toEqual([`mailto:${T.employer}`, `mailto:${T.teacher}`]);
    }
  });

  it("shows an LA-region engagement at 18:00 UTC on a January day as 10:00 AM PST, in each reader's language, with an .ics that reads back as 18:00 UTC", async () => {
    const id = await scheduledMatch("2032-01-12T18:00:00Z");
    await h.db.db.update(users).set({ language: "es" }).where(eq(users.email, T.teacher));
    try {
      await tomorrow(new Date("2032-01-11T20:00:00Z"));
    } finally {
      await h.db.db.update(users).set({ language: "en" }).where(eq(users.email, T.teacher));
    }
    const [toEmployer, toTeacher] = await mail(`match:${id}:tomorrow:`);
    expect(toEmployer!.to).toBe(T.employer);
    expect(toEmployer!.subject).toBe("Tomorrow: Industry tour, Monday, January 12, 2032 at 10:00 AM PST");
    expect(toTeacher!.to).toBe(T.teacher);
    expect(toTeacher!.subject).toBe("Mañana: Visita a la empresa, lunes, 12 de enero de 2032, 10:00 a.m. PST");
    expect(toTeacher!.text).toContain("Hola,");
    for (const email of [toEmployer!, toTeacher!]) {
      expect(Buffer.from(email.attachments[0]!.content, "base64").toString("utf8")).toContain(
        "DTSTART;TZID=America/Los_Angeles:20320112T100000",
      );
      expect(parseIcs(email).start.toJSDate().toISOString()).toBe("2032-01-12T18:00:00.000Z");
    }
  });

  it("reminds again for the new time after a reschedule, with the updated invite", async () => {
    const id = await scheduledMatch("2031-03-12T16:00:00Z");
    await tomorrow(new Date("2031-03-11T17:00:00Z"));
    clock.set(new Date("2031-03-11T18:00:00Z"));
    expect(
      (await post(h, T.employer, `/api/matches/${id}/schedule`, { scheduledAt: "2031-03-12T18:30:00Z" })).statusCode,
    ).toBe(200);
    await tomorrow(new Date("2031-03-11T19:00:00Z"));
    await tomorrow(new Date("2031-03-11T19:00:00Z"));
    const sent = await mail(`match:${id}:tomorrow:`);
    expect(sent).toHaveLength(4);
    const rescheduled = sent.filter((e) => e.dedupeKey.includes(`:${Date.parse("2031-03-12T18:30:00Z")}:`));
    expect(rescheduled.map((e) => e.to)).toEqual([T.employer, T.teacher]);
    expect(parseIcs(rescheduled[0]!)).toMatchObject({ sequence: 1 });
  });

  it("reminds each person once when two sweeps race", async () => {
    const ids = [await scheduledMatch("2031-03-12T16:00:00Z"), await scheduledMatch("2031-03-12T20:00:00Z")];
    const now = new Date("2031-03-11T21:00:00Z");
    await Promise.all([tomorrow(now), tomorrow(now)]);
    for (const id of ids)
      expect((await mail(`match:${id}:tomorrow:`)).map((e) => e.to)).toEqual([T.employer, T.teacher]);
  });

  it("tells the supervisor, the employer's contacts and who arranged it once the day before a placement starts, with a first-day calendar entry", async () => {
    clock.set(TEST_NOW);
    const ready = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    const unsigned = await createPlacement(h, placementBody((await insertStudent(h)).id, await insertOpportunity(h)));
    await signEverything(h, ready.json());
    const supervisor = ready.json().documents.find((d: { signer: { role: string } }) => d.signer.role === "supervisor")
      .signer.email as string;

    await tomorrow(new Date("2031-06-13T20:00:00Z"));
    expect(await mail(`placement:${ready.json().id}:starts:`)).toEqual([]);
    await Promise.all([tomorrow(new Date("2031-06-14T08:00:00Z")), tomorrow(new Date("2031-06-14T08:00:00Z"))]);
    await tomorrow(new Date("2031-06-14T20:00:00Z"));
    const sent = await mail(`placement:${ready.json().id}:starts:2031-06-15:`);
    expect(sent.map((e) => e.to).sort()).toEqual([T.coordinator, T.employer, supervisor].sort());
    expect(sent[0]!.subject).toBe("Tomorrow: Maya Q. starts at Valley Medical Center");
    const ics = parseIcs(sent[0]!);
    expect(ics).toMatchObject({ method: "REQUEST", uid: `placement-${ready.json().id}@bridgework.dev` });
    expect(ics.start.isDate).toBe(true);
    expect(ics.start.toString()).toBe("2031-06-15");
    // Paperwork not signed: the placement cannot start, so nobody is told it does.
    expect(await mail(`placement:${unsigned.json().id}:starts:`)).toEqual([]);
  });

  it("writes to the supervisor in the placement's supervisor language, without a Bridgework link, and to the others in theirs", async () => {
    clock.set(TEST_NOW);
    const created = await createPlacement(
      h,
      placementBody((await insertStudent(h)).id, await insertOpportunity(h), { startDate: "2031-06-20" }),
    );
    await signEverything(h, created.json());
    const id = created.json().id as string;
    await h.db.db.update(placements).set({ supervisorLanguage: "es" }).where(eq(placements.id, id));
    await tomorrow(new Date("2031-06-19T08:00:00Z"));
    const sent = await mail(`placement:${id}:starts:2031-06-20:`);
    const toSupervisor = sent.find((e) => e.dedupeKey.endsWith(":supervisor"))!;
    expect(toSupervisor.subject).toBe("Mañana: Maya Q. empieza en Valley Medical Center");
    expect(toSupervisor.text).toContain("el 20 de junio de 2031");
    expect(toSupervisor.text).not.toContain(`${PUBLIC_URL}/placements/`);
    expect(sent.find((e) => e.to === T.employer)!.subject).toBe("Tomorrow: Maya Q. starts at Valley Medical Center");
  });
});

describe("feedback the day after an engagement", () => {
  const userId = async (email: string) =>
    (await h.db.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

  it("asks the teacher and the employer's contacts once, a day after a scheduled engagement, however often it runs", async () => {
    const id = await scheduledMatch("2031-03-12T16:00:00Z");
    await feedback(new Date("2031-03-13T15:00:00Z")); // 23 hours after
    expect(await mail(`match:${id}:feedback:`)).toEqual([]);

    await feedback(new Date("2031-03-13T17:00:00Z"));
    await feedback(new Date("2031-03-13T17:00:00Z"));
    await feedback(new Date("2031-03-15T09:00:00Z"));
    const asked = await mail(`match:${id}:feedback:`);
    expect(asked.map((e) => e.to)).toEqual([T.employer, T.teacher]);
    expect(asked.map((e) => e.dedupeKey).sort()).toEqual(
      [`match:${id}:feedback:${await userId(T.employer)}`, `match:${id}:feedback:${await userId(T.teacher)}`].sort(),
    );
    const teacherMail = asked.find((e) => e.to === T.teacher)!;
    expect(teacherMail.subject).toBe("How did it go? Industry tour with Valley Medical Center");
    expect(teacherMail.text).toContain("First mark it completed");
    expect(teacherMail.text).toContain(`${PUBLIC_URL}/matches/${id}#feedback`);
  });

  it("skips whoever already gave feedback on a completed engagement, and asks nobody about one over a week old", async () => {
    const id = await scheduledMatch("2031-03-12T16:00:00Z");
    const notCompleted = await scheduledMatch("2031-03-12T16:00:00Z");
    clock.set(new Date("2031-03-12T18:00:00Z"));
    expect((await post(h, T.teacher, `/api/matches/${id}/complete`, { attendedStudents: 1 })).statusCode).toBe(200);
    expect((await post(h, T.employer, `/api/matches/${id}/feedback`, { rating: 5, hostAgain: true })).statusCode).toBe(
      201,
    );
    await feedback(new Date("2031-03-13T17:00:00Z"));
    expect((await mail(`match:${id}:feedback:`)).map((e) => e.to)).toEqual([T.teacher]);
    expect((await mail(`match:${id}:feedback:`))[0]!.text).not.toContain("First mark it completed");
    expect(await mail(`match:${notCompleted}:feedback:`)).toHaveLength(2);

    const stale = await scheduledMatch("2031-03-12T16:00:00Z");
    await feedback(new Date("2031-03-21T17:00:00Z"));
    expect(await mail(`match:${stale}:feedback:`)).toEqual([]);
  });

  it("asks each person once when two sweeps race", async () => {
    const id = await scheduledMatch("2031-03-14T16:00:00Z");
    const now = new Date("2031-03-15T17:00:00Z");
    await Promise.all([feedback(now), feedback(now)]);
    expect((await mail(`match:${id}:feedback:`)).map((e) => e.to)).toEqual([T.employer, T.teacher]);
  });

  it("is asked of no one for an engagement that was cancelled", async () => {
    const id = await scheduledMatch("2031-03-14T16:00:00Z");
    clock.set(new Date("2031-03-13T10:00:00Z"));
    expect((await post(h, T.teacher, `/api/matches/${id}/cancel`, { reason: "Testing week moved" })).statusCode).toBe(
      200,
    );
    await feedback(new Date("2031-03-15T17:00:00Z"));
    expect(await mail(`match:${id}:feedback:`)).toEqual([]);
  });
});
