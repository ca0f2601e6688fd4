import { auditLog, emails, pathways } from "@bridgework/db";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
let coordinator: { authorization: string };
let intermediary: { authorization: string };
let valleyHigh: string;
let riverbend: string;
let healthScience: string;
let agriscience: string;

beforeAll(async () => {
  h = await createHarness();
  coordinator = await h.as("coordinator@valley.example");
  intermediary = await h.as("intermediary@valley.example");
  valleyHigh = await h.orgId("Valley High");
  riverbend = await h.orgId("Riverbend High");
  const pathwayId = async (name: string) =>
    (await h.db.db.select({ id: pathways.id }).from(pathways).where(eq(pathways.name, name)))[0]!.id;
  healthScience = await pathwayId("Health Science");
  agriscience = await pathwayId("Agriscience");
});
afterAll(() => h.close());

const get = (url: string, headers = coordinator) => h.app.inject({ method: "GET", url, headers });
const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object, headers = coordinator) =>
  h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const interviewer = (over: object = {}) => ({
  name: "Interviewer",
  description: "Interview juniors for 20 minutes each",
  bring: "A business card",
  startsAt: "2031-03-10T16:00:00Z",
  endsAt: "2031-03-10T19:30:00Z",
  needed: 60,
  scheduled: true,
  ...over,
});

function mockInterviewDay(over: object = {}) {
  return {
    kind: "mock_interviews",
    title: "Spring mock-interview day",
    startsAt: "2031-03-10T15:30:00Z",
    endsAt: "2031-03-10T23:00:00Z",
    location: "Valley High gym",
    schools: [{ schoolId: valleyHigh, arrivesAt: "2031-03-10T16:00:00Z", leavesAt: null }],
    pathwayIds: [healthScience],
    roles: [
      interviewer(),
      interviewer({ startsAt: "2031-03-10T19:30:00Z", endsAt: "2031-03-10T23:00:00Z", needed: 40 }),
    ],
    ...over,
  };
}

async function createEvent(over: object = {}, headers = coordinator) {
  const res = await send("POST", "/api/events", mockInterviewDay(over), headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const volunteer = (roleId: string, over: object = {}) => ({
  roleId,
  name: "Dana Lee",
  email: `dana${Math.random().toString(36).slice(2, 8)}@acme.example`,
  employerName: "Acme Plumbing",
  ...over,
});

describe("creating events", () => {
  it("a coordinator's event is their district's, with roles, schools, pathways and the default rubric", async () => {
    const event = await createEvent();
    expect(event).toMatchObject({
      status: "draft",
      kind: "mock_interviews",
      districtId: await h.orgId("Valley Unified"),
      districtName: "Valley Unified",
      canManage: true,
      studentCount: 0,
      schools: [{ schoolId: valleyHigh, schoolName: "Valley High", arrivesAt: "2031-03-10T16:00:00.000Z" }],
      pathways: [{ id: healthScience, name: "Health Science", schoolName: "Valley High" }],
      signUpPath: `/r/valley/events/${event.id}`,
    });
    expect(event.roles.map((r: { needed: number; filled: number }) => [r.needed, r.filled])).toEqual([
      [60, 0],
      [40, 0],
    ]);
    expect(event.rubric.criteria.map((c: { label: string }) => c.label)).toContain("Communication");
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "event"), eq(auditLog.entityId, event.id), eq(auditLog.action, "create")));
    expect(row).toBeDefined();
  });

  it("the intermediary's event is the region's and may take part schools of any district; no rubric for a fair", async () => {
    const event = await createEvent(
      {
        kind: "career_fair",
        title: "Regional career fair",
        schools: [{ schoolId: valleyHigh }, { schoolId: riverbend }],
        pathwayIds: [agriscience],
      },
      intermediary,
    );
    expect(event).toMatchObject({ districtId: null, districtName: null, rubric: null, canManage: true });
    expect(event.schools).toHaveLength(2);
    // A coordinator reads the region's event but does not run it.
    const seen = await get(`/api/events/${event.id}`);
    expect(seen.json().canManage).toBe(false);
    expect((await send("PATCH", `/api/events/${event.id}`, { title: "Mine now" })).statusCode).toBe(404);
  });

  it("refuses a school of another district and a pathway of a school not taking part, field by field", async () => {
    const res = await send(
      "POST",
      "/api/events",
      mockInterviewDay({
        schools: [{ schoolId: valleyHigh }, { schoolId: riverbend }],
        pathwayIds: [agriscience],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(["schools.1.schoolId", "pathwayIds.0"]);
  });

  it("answers 400 with the field for each invalid value", async () => {
    const cases: [object, string][] = [
      [{ title: "ab" }, "title"],
      [{ kind: "picnic" }, "kind"],
      [{ endsAt: "2031-03-10T15:00:00Z" }, "endsAt"],
      [{ virtualUrl: "not a link" }, "virtualUrl"],
      [{ roles: [interviewer({ needed: 0 })] }, "roles.0.needed"],
      [{ roles: [interviewer({ endsAt: "2031-03-10T15:00:00Z" })] }, "roles.0.endsAt"],
      [{ slotMinutes: 2 }, "slotMinutes"],
    ];
    for (const [over, path] of cases) {
      const res = await send("POST", "/api/events", mockInterviewDay(over));
      expect(res.statusCode, path).toBe(400);
      expect(
        res.json().errors.map((e: { path: string }) => e.path),
        path,
      ).toContain(path);
    }
  });

  it("other roles may not create (403)", async () => {
    for (const who of ["teacher@valley.example", "employer@valley.example"]) {
      expect((await send("POST", "/api/events", mockInterviewDay(), await h.as(who))).statusCode).toBe(403);
    }
  });
});

describe("who sees what", () => {
  it("another district's coordinator and another region get 404; a teacher reads only their school's events", async () => {
    const event = await createEvent();
    const riverbendCoordinator = await h.as("coordinator@riverbend.example");
    const coast = await h.as("intermediary@coast.example");
    for (const headers of [riverbendCoordinator, coast]) {
      expect((await get(`/api/events/${event.id}`, headers)).statusCode).toBe(404);
      expect((await send("POST", `/api/events/${event.id}/transition`, { action: "open" }, headers)).statusCode).toBe(
        404,
      );
      expect(
        (await get(`/api/events?pageSize=100`, headers)).json().items.map((i: { id: string }) => i.id),
      ).not.toContain(event.id);
    }
    const teacher = await h.as("teacher@valley.example");
    const read = await get(`/api/events/${event.id}`, teacher);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    expect((await send("PATCH", `/api/events/${event.id}`, { title: "Changed" }, teacher)).statusCode).toBe(403);
    expect((await get(`/api/events/${event.id}/volunteers`, teacher)).statusCode).toBe(403);
    const otherSchool = await h.as("teacher2@valley.example");
    expect((await get(`/api/events/${event.id}`, otherSchool)).statusCode).toBe(404);
    const intermediaryRead = await get(`/api/events/${event.id}`, intermediary);
    expect(intermediaryRead.json().canManage).toBe(true);
  });

  it("lists with fill counts and filters by status and kind", async () => {
    const event = await createEvent({ title: "Listed event" });
    await send("POST", `/api/events/${event.id}/volunteers`, volunteer(event.roles[0].id));
    const list = await get("/api/events?kind=mock_interviews&status=draft&pageSize=100");
    const mine = list.json().items.find((i: { id: string }) => i.id === event.id);
    expect(mine).toMatchObject({ title: "Listed event", needed: 100, filled: 1, studentCount: 0, canManage: true });
    const open = await get("/api/events?status=open&pageSize=100");
    expect(open.json().items.map((i: { id: string }) => i.id)).not.toContain(event.id);
  });
});

describe("changing an event", () => {
  it("moves draft → open → closed → open → held → archived; illegal moves are 409", async () => {
    const event = await createEvent();
    const act = (action: string) => send("POST", `/api/events/${event.id}/transition`, { action });
    expect((await act("close")).statusCode).toBe(409);
    expect((await act("open")).json().status).toBe("open");
    expect((await act("close")).json().status).toBe("closed");
    expect((await act("reopen")).json().status).toBe("open");
    const held = await act("hold");
    expect(held.json()).toMatchObject({ status: "held" });
    expect(held.json().heldAt).not.toBeNull();
    const refused = await send("PATCH", `/api/events/${event.id}`, { title: "Too late" });
    expect(refused.statusCode, refused.body).toBe(409);
    expect((await act("open")).statusCode).toBe(409);
    expect((await act("archive")).json().status).toBe("archived");
  });

  it("changes only the fields sent", async () => {
    const event = await createEvent({ description: "Bring résumés" });
    const res = await send("PATCH", `/api/events/${event.id}`, { title: "Renamed day" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "Renamed day",
      description: "Bring résumés",
      location: "Valley High gym",
      pathways: [{ id: healthScience }],
    });
    expect(res.json().schools).toHaveLength(1);
    const bad = await send("PATCH", `/api/events/${event.id}`, { endsAt: "2031-03-10T10:00:00Z" });
    expect(bad.statusCode).toBe(400);
  });

  it("edits roles: needed never below confirmed, no delete with confirmed volunteers", async () => {
    const event = await createEvent();
    const role = event.roles[1];
    await send("POST", `/api/events/${event.id}/volunteers`, volunteer(role.id));
    await send("POST", `/api/events/${event.id}/volunteers`, volunteer(role.id));
    const tooFew = await send("PATCH", `/api/events/${event.id}/roles/${role.id}`, interviewer({ needed: 1 }));
    expect(tooFew.statusCode).toBe(409);
    expect(tooFew.json().errors[0].path).toBe("needed");
    const ok = await send(
      "PATCH",
      `/api/events/${event.id}/roles/${role.id}`,
      interviewer({ needed: 2, name: "Lead interviewer" }),
    );
    expect(ok.json()).toMatchObject({ name: "Lead interviewer", needed: 2, filled: 2 });
    expect((await send("DELETE", `/api/events/${event.id}/roles/${role.id}`)).statusCode).toBe(409);
    const added = await send("POST", `/api/events/${event.id}/roles`, {
      name: "Greeter",
      startsAt: "2031-03-10T15:30:00Z",
      endsAt: "2031-03-10T17:00:00Z",
      needed: 4,
    });
    expect(added.statusCode).toBe(201);
    expect((await send("DELETE", `/api/events/${event.id}/roles/${added.json().id}`)).statusCode).toBe(204);
    const after = await get(`/api/events/${event.id}`);
    expect(after.json().roles.map((r: { name: string }) => r.name)).toEqual(["Interviewer", "Lead interviewer"]);
  });
});

describe("volunteers", () => {
  it("recognizes an employer contact by email and gives a badge code", async () => {
    const event = await createEvent();
    const res = await send(
      "POST",
      `/api/events/${event.id}/volunteers`,
      volunteer(event.roles[0].id, { email: "Employer@Valley.example", name: "Elena Park", employerName: "VMC" }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "confirmed",
      email: "employer@valley.example",
      organizationId: await h.orgId("Valley Medical Center"),
      lead: false,
    });
    expect(res.json().badgeCode).toMatch(/^V-[ACDEFGHJKMNPQRTUVWXY34679]{4}$/);
    const again = await send(
      "POST",
      `/api/events/${event.id}/volunteers`,
      volunteer(event.roles[0].id, { email: "employer@valley.example" }),
    );
    expect(again.statusCode).toBe(409);
  });

  it("of six parallel adds for two places exactly two win, the others get 409 shift-full", async () => {
    const event = await createEvent({ roles: [interviewer({ needed: 2 })] });
    const roleId = event.roles[0].id;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send("POST", `/api/events/${event.id}/volunteers`, volunteer(roleId))),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().type).toMatch(/shift-full$/);
    const list = await get(`/api/events/${event.id}/volunteers?status=confirmed`);
    expect(list.json()).toHaveLength(2);
    expect((await get(`/api/events/${event.id}`)).json().roles[0]).toMatchObject({ filled: 2, needed: 2 });
  });

  it("cancelling a confirmed volunteer moves the first waiting one up and emails them", async () => {
    const event = await createEvent({ roles: [interviewer({ needed: 1 })] });
    const roleId = event.roles[0].id;
    const first = (await send("POST", `/api/events/${event.id}/volunteers`, volunteer(roleId))).json();
    // Public sign-ups beyond the count wait; this test writes them as that page would.
    const { eventVolunteers } = await import("@bridgework/db");
    const [waiting] = await h.db.db
      .insert(eventVolunteers)
      .values({
        eventId: event.id,
        roleId,
        status: "waitlisted",
        name: "Wes",
        email: "wes@x.example",
        employerName: "X Co",
        badgeCode: "V-WAIT",
      })
      .returning();
    const res = await send("DELETE", `/api/events/${event.id}/volunteers/${first.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("cancelled");
    const confirmed = (await get(`/api/events/${event.id}/volunteers?status=confirmed`)).json();
    expect(confirmed.map((v: { id: string }) => v.id)).toEqual([waiting!.id]);
    // Told by email, with the shift as .ics and fresh links, as when a volunteer cancels by their link.
    const [mail] = await h.db.db.select().from(emails).where(eq(emails.to, "wes@x.example"));
    expect(mail?.subject).toMatch(/^A place opened up: you are signed up for /);
    expect(mail?.text).toMatch(/\/volunteer\/cancel\/[A-Za-z0-9_-]{40,}/);
    expect((await send("DELETE", `/api/events/${event.id}/volunteers/${first.id}`)).statusCode).toBe(409);
  });

  it("messages every live volunteer in their own language", async () => {
    const event = await createEvent({ title: "Message day" });
    const roleId = event.roles[0].id;
    const en = volunteer(roleId, { email: "en-vol@acme.example" });
    const es = volunteer(roleId, { email: "es-vol@acme.example", language: "es" });
    const gone = volunteer(roleId, { email: "gone-vol@acme.example" });
    await send("POST", `/api/events/${event.id}/volunteers`, en);
    await send("POST", `/api/events/${event.id}/volunteers`, es);
    const cancelled = (await send("POST", `/api/events/${event.id}/volunteers`, gone)).json();
    await send("DELETE", `/api/events/${event.id}/volunteers/${cancelled.id}`);
    const res = await send("POST", `/api/events/${event.id}/message`, { subject: "Parking", body: "Park in lot C." });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: 2 });
    const sent = await h.db.db.select().from(emails).where(like(emails.subject, "%Message day: Parking"));
    expect(sent.map((e) => e.to).sort()).toEqual(["en-vol@acme.example", "es-vol@acme.example"]);
    expect(sent.find((e) => e.to === "en-vol@acme.example")!.text).toContain("A message from the people running");
    expect(sent.find((e) => e.to === "es-vol@acme.example")!.text).toContain("Un mensaje de quienes organizan");
    expect(sent.every((e) => e.text.includes("Park in lot C."))).toBe(true);
    const teacher = await h.as("teacher@valley.example");
    expect(
      (await send("POST", `/api/events/${event.id}/message`, { subject: "x y", body: "hello" }, teacher)).statusCode,
    ).toBe(403);
  });
});
