import { auditLog } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { hoursEntries } from "@bridgework/db";
import {
  createPlacement,
  insertOpportunity as insertInternship,
  insertStudent,
  placementBody,
} from "../../../test/fixtures/placement.fixtures.ts";
import {
  createMatchVia,
  get,
  insertOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../../test/fixtures/match.fixtures.ts";

let h: Harness;
const clock = manualClock(TEST_NOW);
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const waiting = async (as: string) => (await get(h, as, "/api/me/waiting")).json();
const calendar = (as: string, from = "2031-03-01", to = "2031-03-31") =>
  get(h, as, `/api/calendar?from=${from}&to=${to}`);

describe("what is waiting", () => {
  let matchId = "";
  let opportunityTitle = "";

  it("counts a teacher's proposal as an approval for the district's coordinator, not yet an ask for the employer", async () => {
    const before = await waiting(T.coordinator);
    const employerBefore = await waiting(T.employer);
    const opportunity = await insertOpportunity(h, { title: "Radiology tour for the waiting test" });
    opportunityTitle = opportunity.title;
    const request = await insertRequest(h);
    matchId = (await createMatchVia(h, T.teacher, request.id, opportunity.id)).id;
    const after = await waiting(T.coordinator);
    expect(after.approvals).toBe(before.approvals + 1);
    expect(after.items).toContainEqual(
      expect.objectContaining({ kind: "approval", id: matchId, title: opportunityTitle }),
    );
    expect((await waiting(T.employer)).asks).toBe(employerBefore.asks);
    // Another district's coordinator and another region see nothing of it.
    expect((await waiting(T.riverbend)).items.map((i: { id: string }) => i.id)).not.toContain(matchId);
    expect((await waiting(T.coastIntermediary)).items.map((i: { id: string }) => i.id)).not.toContain(matchId);
  });

  it("moves it from the coordinator's approvals to the employer's asks once approved", async () => {
    const before = await waiting(T.coordinator);
    const employerBefore = await waiting(T.employer);
    expect((await post(h, T.coordinator, `/api/matches/${matchId}/approve`)).statusCode).toBe(200);
    expect((await waiting(T.coordinator)).approvals).toBe(before.approvals - 1);
    const employer = await waiting(T.employer);
    expect(employer.asks).toBe(employerBefore.asks + 1);
    expect(employer.items).toContainEqual(expect.objectContaining({ kind: "ask", id: matchId }));
    expect(employer.approvals).toBe(0);
  });

  it("counts a certificate expiring within 30 days for its employer and the region's staff", async () => {
    const id = await h.orgId("Valley Medical Center");
    const res = await post(h, T.intermediary, `/api/organizations/${id}/insurance`, {
      carrier: "Golden State Mutual",
      policyNumber: "GL-1",
      coverageAmount: 1_000_000,
      expiresOn: "2031-03-25",
    });
    expect(res.statusCode).toBe(201);
    const employer = await waiting(T.employer);
    expect(employer.certificatesExpiring).toBe(1);
    expect((await waiting(T.coordinator)).items).toContainEqual(
      expect.objectContaining({ kind: "certificateExpiring", id, date: "2031-03-25" }),
    );
    expect((await waiting(T.coastIntermediary)).items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it("puts the scheduled engagement on the calendars of those who see the match, in the region's day", async () => {
    const res = await post(h, T.employer, `/api/matches/${matchId}/accept`, { scheduledAt: "2031-03-20T17:00:00Z" });
    expect(res.statusCode).toBe(200);
    for (const who of [T.coordinator, T.teacher, T.employer, T.intermediary]) {
      const cal = await calendar(who);
      expect(cal.statusCode).toBe(200);
      expect(cal.json().timeZone).toBe("America/Los_Angeles");
      expect(cal.json().entries).toContainEqual(
        expect.objectContaining({
          kind: "engagement",
          id: matchId,
          title: opportunityTitle,
          start: "2031-03-20T17:00:00.000Z",
          allDay: false,
        }),
      );
    }
    expect((await calendar(T.coordinator)).json().entries).toContainEqual(
      expect.objectContaining({ kind: "certificateExpires", start: "2031-03-25", allDay: true }),
    );
    for (const who of [T.riverbend, T.coastCoordinator]) {
      expect((await calendar(who)).json().entries.map((e: { id: string }) => e.id)).not.toContain(matchId);
    }
    // 01:00 UTC on the 21st is still the 20th in California: the day is the region's.
    expect(
      (await calendar(T.coordinator, "2031-03-21", "2031-03-21")).json().entries.map((e: { id: string }) => e.id),
    ).not.toContain(matchId);
  });

  it("refuses a range that ends before it starts or spans more than 93 days, naming the field", async () => {
    for (const [from, to] of [
      ["2031-03-10", "2031-03-01"],
      ["2031-01-01", "2031-06-01"],
      ["2031-02-30", "2031-03-01"],
    ]) {
      const res = await calendar(T.coordinator, from, to);
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    const spanish = await h.app.inject({
      method: "GET",
      url: "/api/calendar?from=2031-01-01&to=2031-06-01",
      headers: { ...(await h.as(T.coordinator)), "accept-language": "es" },
    });
    expect(spanish.json().errors[0]).toMatchObject({ path: "to", message: "Pida como máximo 93 días a la vez." });
    expect((await h.app.inject({ method: "GET", url: "/api/calendar?from=2031-03-01&to=2031-03-31" })).statusCode).toBe(
      401,
    );
  });

  describe("the private feed", () => {
    it("serves an iCalendar feed without login whose event starts at the region's wall-clock time", async () => {
      const made = await post(h, T.coordinator, "/api/me/calendar-feed");
      expect(made.statusCode).toBe(201);
      const { url } = made.json();
      expect(url).toMatch(/^http:\/\/bridgework\.test\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
      const feed = await h.app.inject({ method: "GET", url: new URL(url).pathname });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers["content-type"]).toContain("text/calendar");
      const vcalendar = new ICAL.Component(ICAL.parse(feed.body));
      const event = vcalendar
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .find((e) => e.summary === opportunityTitle);
      expect(event).toBeDefined();
      expect(event!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("America/Los_Angeles");
      expect(event!.startDate.toString()).toBe("2031-03-20T10:00:00");
      expect((await get(h, T.coordinator, "/api/me/calendar-feed")).json()).toMatchObject({ active: true, url: null });
      const [audited] = await h.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "calendar_feed"), eq(auditLog.action, "reset")));
      expect(audited).toBeDefined();
    });

    it("stops serving the old link once reset, and any link once turned off", async () => {
      const first = new URL((await post(h, T.teacher, "/api/me/calendar-feed")).json().url).pathname;
      const second = new URL((await post(h, T.teacher, "/api/me/calendar-feed")).json().url).pathname;
      expect((await h.app.inject({ method: "GET", url: first })).statusCode).toBe(404);
      expect((await h.app.inject({ method: "GET", url: second })).statusCode).toBe(200);
      expect(
        (await h.app.inject({ method: "DELETE", url: "/api/me/calendar-feed", headers: await h.as(T.teacher) }))
          .statusCode,
      ).toBe(204);
      expect((await h.app.inject({ method: "GET", url: second })).statusCode).toBe(404);
      expect((await get(h, T.teacher, "/api/me/calendar-feed")).json()).toMatchObject({ active: false });
    });
  });

  describe("placements' paperwork and hours", () => {
    it("dates the first day and the paperwork, and counts unsigned paperwork once past due and hours not yet approved", async () => {
      const student = await insertStudent(h, { firstName: "Waiting" });
      const res = await createPlacement(
        h,
        placementBody(student.id, await insertInternship(h, { title: "Lab internship for the waiting test" }), {
          startDate: "2031-04-20",
          endDate: "2031-05-30",
        }),
      );
      expect(res.statusCode).toBe(201);
      const placement = res.json() as { id: string; documents: { dueOn: string }[] };
      const due = placement.documents.map((d) => d.dueOn).sort()[0]!;
      const cal = (await calendar(T.coordinator, "2031-03-10", "2031-05-31")).json();
      expect(cal.entries).toContainEqual(
        expect.objectContaining({ kind: "placementStart", id: placement.id, start: "2031-04-20", allDay: true }),
      );
      expect(cal.entries).toContainEqual(
        expect.objectContaining({ kind: "paperworkDue", id: placement.id, start: due }),
      );
      // The employer sees its placement's first day but not the school's paperwork deadlines.
      const employerCal = (await calendar(T.employer, "2031-03-10", "2031-05-31")).json();
      expect(
        employerCal.entries.filter((e: { id: string }) => e.id === placement.id).map((e: { kind: string }) => e.kind),
      ).toEqual(["placementStart"]);

      const before = await waiting(T.coordinator);
      clock.set(new Date(`${due}T20:00:00Z`));
      expect((await waiting(T.coordinator)).unsignedPastDue).toBe(before.unsignedPastDue);
      clock.set(new Date(new Date(`${due}T20:00:00Z`).getTime() + 86_400_000));
      const late = await waiting(T.coordinator);
      expect(late.unsignedPastDue).toBe(before.unsignedPastDue + placement.documents.length);
      expect(late.items).toContainEqual(
        expect.objectContaining({
          kind: "unsignedPastDue",
          id: placement.id,
          title: `Waiting ${student.lastName.slice(0, 1)}.`,
          date: due,
        }),
      );

      const teacherBefore = await waiting(T.teacher);
      await h.db.db
        .insert(hoursEntries)
        .values({ placementId: placement.id, date: "2031-04-21", hours: 4, createdBy: await h.userId(T.coordinator) });
      expect((await waiting(T.coordinator)).hoursToApprove).toBe(before.hoursToApprove + 1);
      expect((await waiting(T.teacher)).hoursToApprove).toBe(teacherBefore.hoursToApprove + 1);
      expect((await waiting(T.riverbend)).items.map((i: { id: string }) => i.id)).not.toContain(placement.id);
      const [audited] = await h.db.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entity, "placement"),
            eq(auditLog.action, "list"),
            eq(auditLog.actorUserId, await h.userId(T.coordinator)),
          ),
        );
      expect(audited).toBeDefined();
      clock.set(TEST_NOW);
    });
  });
});
