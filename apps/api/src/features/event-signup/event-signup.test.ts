import { auditLog, employerInterests, eventVolunteers, events } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  attachedShift,
  CANCEL_LINK,
  emailsTo,
  insertEvent,
  SCHEDULE_LINK,
} from "../../../test/fixtures/event-signup.fixtures.ts";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock(new Date("2031-03-10T15:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

let n = 0;
const nextIp = () => `10.71.${++n}.1`;
const nextEmail = (domain = "robotics.example") => `volunteer${++n}@${domain}`;

const details = (roleId: string, overrides: Record<string, unknown> = {}) => ({
  roleId,
  name: "Rosa Vega",
  email: nextEmail(),
  phone: "",
  employerName: "Fresno Robotics",
  sectors: ["Manufacturing and Product Development"],
  language: "en",
  ...overrides,
});

const signUp = (eventId: string, body: object, ip = nextIp(), slug = "valley") =>
  h.app.inject({
    method: "POST",
    url: `/api/public/regions/${slug}/events/${eventId}/volunteers`,
    payload: body,
    remoteAddress: ip,
  });
const volunteerOf = async (email: string) =>
  (await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.email, email)))[0]!;

describe("the public event pages", () => {
  it("lists the region's open events with remaining places, and shows one with its roles and counts but no names", async () => {
    const { event, roles } = await insertEvent(h, { title: "Listed Mock Interviews" });
    const draft = await insertEvent(h, { title: "Draft day", status: "draft" });
    expect((await signUp(event.id, details(roles[0]!.id, { name: "Hidden Person" }))).statusCode).toBe(201);

    const list = await h.app.inject({ method: "GET", url: "/api/public/regions/valley/events" });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.region).toEqual({ slug: "valley", name: "Valley", timeZone: "America/Los_Angeles" });
    const listed = body.events.find((e: { id: string }) => e.id === event.id);
    expect(listed).toMatchObject({ title: "Listed Mock Interviews", kind: "mock_interviews", virtual: false });
    expect(listed.roles).toEqual([expect.objectContaining({ name: "Interviewer", remaining: 2 })]);
    expect(body.events.some((e: { id: string }) => e.id === draft.event.id)).toBe(false);

    const one = await h.app.inject({ method: "GET", url: `/api/public/regions/valley/events/${event.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().roles[0]).toMatchObject({
      name: "Interviewer",
      bring: "Business cards",
      startsAt: "2031-04-10T15:00:00.000Z",
      endsAt: "2031-04-10T18:30:00.000Z",
      needed: 3,
      remaining: 2,
      waitlisted: 0,
    });
    expect(one.body).not.toContain("Hidden Person");
  });

  it("answers 404 for an event not open, of another region, or an unknown region", async () => {
    const draft = await insertEvent(h, { status: "draft" });
    const coast = await insertEvent(h, {
      region: "coast",
      createdBy: "coordinator@coast.example",
    });
    const open = await insertEvent(h);
    const get = (slug: string, id: string) =>
      h.app.inject({ method: "GET", url: `/api/public/regions/${slug}/events/${id}` });
    expect((await get("valley", draft.event.id)).statusCode).toBe(404);
    expect((await get("valley", coast.event.id)).statusCode).toBe(404);
    expect((await get("atlantis", open.event.id)).statusCode).toBe(404);
    expect((await signUp(coast.event.id, details(coast.roles[0]!.id))).statusCode).toBe(404);
    expect((await signUp(draft.event.id, details(draft.roles[0]!.id))).statusCode).toBe(404);
  });
});

describe("signing up", () => {
  it("confirms a place, stores only the links' hashes, a badge code, and emails the shift with an .ics in UTC", async () => {
    const { event, roles } = await insertEvent(h, {
      roles: [
        {
          name: "Interviewer",
          needed: 2,
          startsAt: "2031-04-10T15:00:00Z",
          endsAt: "2031-04-10T18:30:00Z",
          bring: "Ten copies of a job description",
        },
      ],
    });
    const body = details(roles[0]!.id);
    const res = await signUp(event.id, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: "confirmed" });
    const v = await volunteerOf(body.email);
    expect(v).toMatchObject({ status: "confirmed", name: "Rosa Vega", language: "en", addedBy: null });
    expect(v.badgeCode).toMatch(/^V-[A-HJKMNP-Z2-9]{4}$/);
    expect(v.scheduleTokenHash).toHaveLength(64);
    expect(v.cancelTokenHash).toHaveLength(64);

    const [mail] = await emailsTo(h, body.email);
    expect(mail!.subject).toBe("You are signed up: Spring Mock Interview Day");
    expect(mail!.text).toContain("Ten copies of a job description");
    expect(mail!.text).toContain("Fresno Convention Center, Hall B");
    expect(mail!.text).toContain("8:00 AM PDT");
    expect(mail!.text).toContain(v.badgeCode);
    const cancelToken = mail!.text.match(CANCEL_LINK)![1]!;
    const scheduleToken = mail!.text.match(SCHEDULE_LINK)![1]!;
    expect(v.cancelTokenHash).not.toContain(cancelToken);
    expect(cancelToken).not.toBe(scheduleToken);
    const ics = attachedShift(mail!);
    expect(ics).toMatchObject({
      filename: "shift.ics",
      summary: "Spring Mock Interview Day: Interviewer",
      start: "2031-04-10T15:00:00.000Z",
      end: "2031-04-10T18:30:00.000Z",
    });
    expect(ics.raw).toContain("DTSTART;TZID=America/Los_Angeles:20310410T080000");
  });

  it("puts the next ones on the waiting list in order, tells them their place, and emails in Spanish without an .ics", async () => {
    const { event, roles } = await insertEvent(h, {
      roles: [{ name: "Juez", needed: 1, startsAt: "2031-04-10T15:00:00Z", endsAt: "2031-04-10T18:00:00Z" }],
    });
    const id = roles[0]!.id;
    expect((await signUp(event.id, details(id))).json()).toEqual({ status: "confirmed" });
    const second = details(id, { language: "es" });
    expect((await signUp(event.id, second)).json()).toEqual({ status: "waitlisted", position: 1 });
    expect((await signUp(event.id, details(id))).json()).toEqual({ status: "waitlisted", position: 2 });
    const [mail] = await emailsTo(h, second.email);
    expect(mail!.subject).toBe("Está en la lista de espera: Spring Mock Interview Day");
    expect(mail!.text).toContain("número 1");
    expect(mail!.text).toMatch(CANCEL_LINK);
    expect(mail!.attachments).toEqual([]);
    const shown = (await h.app.inject({ method: "GET", url: `/api/public/regions/valley/events/${event.id}` })).json();
    expect(shown.roles[0]).toMatchObject({ remaining: 0, waitlisted: 2 });
  });

  it("refuses the same email twice on one shift with 409, but takes it on another shift", async () => {
    const { event, roles } = await insertEvent(h, {
      roles: [
        { name: "Greeter", needed: 5, startsAt: "2031-04-10T15:00:00Z", endsAt: "2031-04-10T17:00:00Z" },
        { name: "Greeter (afternoon)", needed: 5, startsAt: "2031-04-10T19:00:00Z", endsAt: "2031-04-10T21:00:00Z" },
      ],
    });
    const body = details(roles[0]!.id);
    expect((await signUp(event.id, body)).statusCode).toBe(201);
    const again = await signUp(event.id, { ...body, email: body.email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe(
      "This email is already signed up for this shift. Check your email for the confirmation; it has a link to cancel.",
    );
    expect((await signUp(event.id, { ...body, roleId: roles[1]!.id })).statusCode).toBe(201);
  });

  it("never confirms more than the places left under simultaneous sign-ups (2 and 8 at once for the last place)", async () => {
    for (const crowd of [2, 8]) {
      const { event, roles } = await insertEvent(h, {
        roles: [{ name: "Interviewer", needed: 2, startsAt: "2031-04-10T15:00:00Z", endsAt: "2031-04-10T18:00:00Z" }],
      });
      const id = roles[0]!.id;
      expect((await signUp(event.id, details(id))).json().status).toBe("confirmed");
      const answers = await Promise.all(Array.from({ length: crowd }, () => signUp(event.id, details(id))));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(crowd).fill(201));
      const statuses = answers.map((a) => a.json().status as string);
      expect(statuses.filter((s) => s === "confirmed")).toHaveLength(1);
      expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(crowd - 1);
      const positions = answers.map((a) => a.json().position).filter((p) => p !== undefined);
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: crowd - 1 }, (_, i) => i + 1));
      const stored = await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.roleId, id));
      expect(stored.filter((v) => v.status === "confirmed")).toHaveLength(2);
      expect(new Set(stored.map((v) => v.badgeCode)).size).toBe(stored.length);
    }
  });

  it("answers a filled honeypot like a sign-up, but stores and sends nothing", async () => {
    const { event, roles } = await insertEvent(h);
    const body = details(roles[0]!.id, { faxNumber: "555-0100" });
    const res = await signUp(event.id, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: "confirmed" });
    expect(await h.db.db.select().from(eventVolunteers).where(eq(eventVolunteers.email, body.email))).toEqual([]);
    expect(await emailsTo(h, body.email)).toEqual([]);
  });

  it("refuses an eleventh sign-up within the hour from one address, and a sixth within a day for one email, with 429 and Retry-After", async () => {
    const roles = Array.from({ length: 11 }, (_, i) => ({
      name: `Shift ${i + 1}`,
      needed: 50,
      startsAt: "2031-04-10T15:00:00Z",
      endsAt: "2031-04-10T16:00:00Z",
    }));
    const { event, roles: rows } = await insertEvent(h, { roles });
    const ip = nextIp();
    for (let i = 0; i < 10; i++) expect((await signUp(event.id, details(rows[i]!.id), ip)).statusCode).toBe(201);
    const limited = await signUp(event.id, details(rows[10]!.id), ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(3500);
    expect((await signUp(event.id, details(rows[10]!.id), nextIp())).statusCode).toBe(201);

    const email = nextEmail();
    for (let i = 0; i < 5; i++) expect((await signUp(event.id, details(rows[i]!.id, { email }))).statusCode).toBe(201);
    const byEmail = await signUp(event.id, details(rows[5]!.id, { email }));
    expect(byEmail.statusCode).toBe(429);
    expect(Number(byEmail.headers["retry-after"])).toBeGreaterThan(80_000);
    clock.advance(24 * 3600_000 + 1000);
    expect((await signUp(event.id, details(rows[5]!.id, { email }))).statusCode).toBe(201);
  });
});

describe("the volunteer's company", () => {
  it("links an employer contact recognized by email, and creates no lead", async () => {
    const { event, roles } = await insertEvent(h);
    const res = await signUp(
      event.id,
      details(roles[0]!.id, { email: "Employer@valley.example", employerName: "VMC" }),
    );
    expect(res.statusCode).toBe(201);
    const v = await volunteerOf("employer@valley.example");
    expect(v.userId).toBe(await h.userId("employer@valley.example"));
    expect(v.organizationId).toBe(await h.orgId("Valley Medical Center"));
    expect(v.interestId).toBeNull();
  });

  it("makes a new company a waiting lead in the intermediary's queue once, naming the event, and links later volunteers of the same domain to it", async () => {
    const { event, roles } = await insertEvent(h, { title: "Career Expo", kind: "career_fair" });
    const first = details(roles[0]!.id, { email: "ana@brightsolar.example", employerName: "Bright Solar Installers" });
    expect((await signUp(event.id, first)).statusCode).toBe(201);
    const second = details(roles[0]!.id, { email: "ben@brightsolar.example", employerName: "Bright Solar" });
    expect((await signUp(event.id, second)).statusCode).toBe(201);

    const leads = await h.db.db
      .select()
      .from(employerInterests)
      .where(eq(employerInterests.companyName, "Bright Solar Installers"));
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      status: "waiting",
      contactName: "Rosa Vega",
      contactEmail: "ana@brightsolar.example",
      ways: ["class_talk"],
      sectors: ["Manufacturing and Product Development"],
    });
    expect(leads[0]!.confirmedAt).toEqual(clock.now());
    expect(leads[0]!.note).toContain("Career Expo");
    expect((await volunteerOf("ana@brightsolar.example")).interestId).toBe(leads[0]!.id);
    expect((await volunteerOf("ben@brightsolar.example")).interestId).toBe(leads[0]!.id);

    const queue = await h.app.inject({
      method: "GET",
      url: "/api/employer-interests?status=waiting&pageSize=100",
      headers: await h.as("intermediary@valley.example"),
    });
    expect(queue.statusCode).toBe(200);
    const names = queue.json().items.map((i: { companyName: string }) => i.companyName);
    expect(names).toContain("Bright Solar Installers");
  });

  it("creates no lead when the name is, by the duplicate rule, an employer the region already has", async () => {
    const { event, roles } = await insertEvent(h, { kind: "mock_interviews" });
    const body = details(roles[0]!.id, { email: "nurse.jo@gmail.com", employerName: "Valley Medical Ctr." });
    expect((await signUp(event.id, body)).statusCode).toBe(201);
    const v = await volunteerOf("nurse.jo@gmail.com");
    expect(v.organizationId).toBe(await h.orgId("Valley Medical Center"));
    expect(v.interestId).toBeNull();
    expect(
      await h.db.db.select().from(employerInterests).where(eq(employerInterests.contactEmail, "nurse.jo@gmail.com")),
    ).toEqual([]);
  });

  it("offers mock interviews or judging for an interview day", async () => {
    const { event, roles } = await insertEvent(h, { kind: "mock_interviews" });
    const body = details(roles[0]!.id, { email: "kim@tulareag.example", employerName: "Tulare Agronomy Partners" });
    expect((await signUp(event.id, body)).statusCode).toBe(201);
    const [lead] = await h.db.db
      .select()
      .from(employerInterests)
      .where(eq(employerInterests.contactEmail, "kim@tulareag.example"));
    expect(lead!.ways).toEqual(["mock_interviews_or_judging"]);
  });
});

describe("cancelling by link", () => {
  it("shows what it would cancel without cancelling, then cancels: the first waiting moves up with an .ics, the coordinator is told, and again is not an error", async () => {
    clock.set(new Date("2031-03-12T15:00:00Z"));
    const { event, roles } = await insertEvent(h, {
      title: "Judging Day",
      kind: "competition_judging",
      roles: [{ name: "Judge", needed: 1, startsAt: "2031-04-10T16:00:00Z", endsAt: "2031-04-10T19:00:00Z" }],
    });
    const id = roles[0]!.id;
    const leaving = details(id, { name: "Leo Leaving" });
    const waiting = details(id, { name: "Wanda Waiting", language: "es" });
    const later = details(id, { name: "Lars Later" });
    await signUp(event.id, leaving);
    await signUp(event.id, waiting);
    await signUp(event.id, later);
    const token = (await emailsTo(h, leaving.email))[0]!.text.match(CANCEL_LINK)![1]!;

    const look = await h.app.inject({ method: "GET", url: `/api/public/volunteer-cancel/${token}` });
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({
      status: "confirmed",
      name: "Leo Leaving",
      event: { title: "Judging Day" },
      role: { name: "Judge" },
    });
    expect((await volunteerOf(leaving.email)).status).toBe("confirmed");

    const res = await h.app.inject({ method: "POST", url: `/api/public/volunteer-cancel/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ result: "cancelled", status: "cancelled" });
    const gone = await volunteerOf(leaving.email);
    expect(gone.status).toBe("cancelled");
    expect(gone.cancelledAt).toEqual(clock.now());
    expect((await volunteerOf(waiting.email)).status).toBe("confirmed");
    expect((await volunteerOf(later.email)).status).toBe("waitlisted");

    const moved = (await emailsTo(h, waiting.email)).at(-1)!;
    expect(moved.subject).toBe("Se abrió un lugar: está inscrito en Judging Day");
    expect(attachedShift(moved).start).toBe("2031-04-10T16:00:00.000Z");
    expect(moved.text).toMatch(CANCEL_LINK);

    const toCoordinator = (await emailsTo(h, "coordinator@valley.example")).find((e) => e.dedupeKey.endsWith(gone.id))!;
    expect(toCoordinator.subject).toBe("Leo Leaving cancelled: Judging Day");
    expect(toCoordinator.text).toContain("Wanda Waiting (Fresno Robotics) moved up");

    const again = await h.app.inject({ method: "POST", url: `/api/public/volunteer-cancel/${token}` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ result: "already-cancelled" });
    expect(
      await h.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "event_volunteer_cancelled"), eq(auditLog.entityId, gone.id))),
    ).toHaveLength(1);
    // The one who moved up can cancel with the link in their new email.
    const movedToken = moved.text.match(CANCEL_LINK)![1]!;
    expect(
      (await h.app.inject({ method: "POST", url: `/api/public/volunteer-cancel/${movedToken}` })).json(),
    ).toMatchObject({
      result: "cancelled",
    });
    expect((await volunteerOf(later.email)).status).toBe("confirmed");
  });

  it("answers 404 for an unknown token and 410 once the event was held", async () => {
    const unknown = await h.app.inject({ method: "POST", url: `/api/public/volunteer-cancel/${"x".repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
    const { event, roles } = await insertEvent(h);
    const body = details(roles[0]!.id);
    await signUp(event.id, body);
    const token = (await emailsTo(h, body.email))[0]!.text.match(CANCEL_LINK)![1]!;
    await h.db.db.update(events).set({ status: "held" }).where(eq(events.id, event.id));
    expect((await h.app.inject({ method: "POST", url: `/api/public/volunteer-cancel/${token}` })).statusCode).toBe(410);
  });
});
