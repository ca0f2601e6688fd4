import { emails } from "@bridgework/db";
import { createSweeps } from "@bridgework/worker";
import { asc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANCEL_LINK, emailsTo, insertEvent } from "../../api/test/fixtures/event-signup.fixtures.ts";
import { createHarness, type Harness, manualClock, PUBLIC_URL } from "../../api/test/harness.ts";

/**
 * The worker's reminders for event volunteers, over sign-ups made through the public API: a test
 * of the composition, so it lives with the entry package that depends on both.
 */
const clock = manualClock(new Date("2031-03-10T15:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const sweep = createSweeps({ publicUrl: PUBLIC_URL })["event-volunteer-reminders"]!;
const run = (at: string) => sweep({ db: h.db.db, now: new Date(at) });
const reminders = (volunteerEmail: string) =>
  emailsTo(h, volunteerEmail).then((rows) => rows.filter((e) => e.dedupeKey.startsWith("event-reminder:")));
let n = 0;

async function signUp(eventId: string, roleId: string, language = "en") {
  const email = `reminded${++n}@solar.example`;
  const res = await h.app.inject({
    method: "POST",
    url: `/api/public/regions/valley/events/${eventId}/volunteers`,
    payload: { roleId, name: "Rita Reminded", email, employerName: "Sunny Solar", language },
    remoteAddress: `10.72.${n}.1`,
  });
  expect(res.statusCode).toBe(201);
  return email;
}

describe("reminders to event volunteers", () => {
  it("sends each confirmed volunteer one reminder 7 days and one 1 day before their shift, however often and concurrently it runs, with links that work", async () => {
    clock.set(new Date("2031-03-10T15:00:00Z"));
    const { event, roles } = await insertEvent(h, {
      roles: [{ name: "Interviewer", needed: 1, startsAt: "2031-04-10T15:00:00Z", endsAt: "2031-04-10T18:00:00Z" }],
    });
    const confirmed = await signUp(event.id, roles[0]!.id, "es");
    const waiting = await signUp(event.id, roles[0]!.id);
    const firstLink = (await emailsTo(h, confirmed))[0]!.text.match(CANCEL_LINK)![1]!;

    await run("2031-04-03T14:00:00Z"); // 7 days and an hour before
    expect(await reminders(confirmed)).toEqual([]);

    await Promise.all([run("2031-04-03T16:00:00Z"), run("2031-04-03T16:00:00Z")]);
    await run("2031-04-04T16:00:00Z");
    const week = await reminders(confirmed);
    expect(week.map((e) => e.dedupeKey)).toEqual([expect.stringMatching(/^event-reminder:.+:7d$/)]);
    expect(week[0]!.subject).toBe("En una semana: Spring Mock Interview Day");
    expect(week[0]!.text).toMatch(/\/volunteer\/[A-Za-z0-9_-]{40,}/);
    expect(await reminders(waiting)).toEqual([]);

    await run("2031-04-09T16:00:00Z");
    await run("2031-04-09T20:00:00Z");
    const both = await reminders(confirmed);
    expect(both.map((e) => e.dedupeKey.slice(-2)).sort()).toEqual(["1d", "7d"]);
    const dayBefore = both.find((e) => e.dedupeKey.endsWith(":1d"))!;
    expect(dayBefore.subject).toBe("Mañana: Spring Mock Interview Day");
    expect(dayBefore.text).toContain("8:00 a.m. PDT");

    // Only the newest email's links work: each reminder replaced the stored hashes.
    const cancel = (token: string) => h.app.inject({ method: "GET", url: `/api/public/volunteer-cancel/${token}` });
    expect((await cancel(firstLink)).statusCode).toBe(404);
    expect((await cancel(dayBefore.text.match(CANCEL_LINK)![1]!)).statusCode).toBe(200);

    await run("2031-04-10T16:00:00Z"); // the shift has begun
    expect(await reminders(confirmed)).toHaveLength(2);
  });

  it("gives a volunteer who signs up within the last day only the 1-day reminder, and runs as one of the worker's scheduled sweeps", async () => {
    clock.set(new Date("2031-05-20T09:00:00Z"));
    const { event, roles } = await insertEvent(h, {
      startsAt: "2031-05-21T08:00:00Z",
      endsAt: "2031-05-21T20:00:00Z",
      roles: [{ name: "Greeter", needed: 4, startsAt: "2031-05-21T08:00:00Z", endsAt: "2031-05-21T12:00:00Z" }],
    });
    const late = await signUp(event.id, roles[0]!.id);
    await h.jobs.runSweeps(new Date("2031-05-20T10:00:00Z"));
    await h.jobs.runSweeps(new Date("2031-05-20T11:00:00Z"));
    const sent = await reminders(late);
    expect(sent.map((e) => e.dedupeKey.slice(-2))).toEqual(["1d"]);
    expect(sent[0]!.subject).toBe("Tomorrow: Spring Mock Interview Day");
    const all = await h.db.db.select().from(emails).where(like(emails.to, late)).orderBy(asc(emails.createdAt));
    expect(all.map((e) => e.subject)).toEqual([
      "You are signed up: Spring Mock Interview Day",
      "Tomorrow: Spring Mock Interview Day",
    ]);
  });
});
