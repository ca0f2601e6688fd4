import { matchEvents, matches, opportunities, organizations, requests } from "@bridgework/db";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
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
beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
  // These tests send many asks to one employer; the monthly cap has its own tests.
  await h.db.db.update(organizations).set({ askCapPerMonth: null }).where(eq(organizations.type, "employer"));
});
afterAll(() => h.close());

const seatsTaken = async (id: string) =>
  (await h.db.db.select().from(opportunities).where(eq(opportunities.id, id)))[0]!.seatsTaken;
const requestStatus = async (id: string) =>
  (await h.db.db.select().from(requests).where(eq(requests.id, id)))[0]!.status;

/** An approved match of `seats` for a fresh request. */
async function approvedMatch(opportunityId: string, seats = 1) {
  const request = await insertRequest(h, { students: seats });
  const match = await createMatchVia(h, T.coordinator, request.id, opportunityId, seats);
  return { match, request };
}

describe("taking seats", () => {
  it("lets exactly 5 of 50 simultaneous accepts for a 5-seat opportunity through; the other 45 get 409 seats-unavailable", async () => {
    const opportunity = await insertOpportunity(h, { capacity: 5 });
    const created = [];
    for (let i = 0; i < 50; i++) created.push(await approvedMatch(opportunity.id));
    const auth = await h.as(T.employer);

    const results = await Promise.all(
      created.map(({ match }) =>
        h.app.inject({ method: "POST", url: `/api/matches/${match.id}/accept`, headers: auth, payload: {} }),
      ),
    );

    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(45);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().type).toBe("https://bridgework.dev/problems/seats-unavailable");
    expect(await seatsTaken(opportunity.id)).toBe(5);
    const rows = await h.db.db.select().from(matches).where(eq(matches.opportunityId, opportunity.id));
    expect(rows.filter((m) => m.status === "accepted")).toHaveLength(5);
    expect(rows.filter((m) => m.status === "approved")).toHaveLength(45);
    // A refused accept leaves nothing behind: its request is still open and no event was written.
    const refused = created.filter((_, i) => results[i]!.statusCode === 409);
    const reqs = await h.db.db
      .select()
      .from(requests)
      .where(
        inArray(
          requests.id,
          refused.map((c) => c.request.id),
        ),
      );
    expect(new Set(reqs.map((r) => r.status))).toEqual(new Set(["open"]));
    const events = await h.db.db
      .select()
      .from(matchEvents)
      .where(
        inArray(
          matchEvents.matchId,
          refused.map((c) => c.match.id),
        ),
      );
    expect(events.every((e) => e.action === "approve")).toBe(true);
  });

  it("takes a match's seats all at once or not at all", async () => {
    const opportunity = await insertOpportunity(h, { capacity: 10 });
    const big = await approvedMatch(opportunity.id, 8);
    const small = await approvedMatch(opportunity.id, 3);
    expect((await post(h, T.employer, `/api/matches/${big.match.id}/accept`, {})).statusCode).toBe(200);
    const res = await post(h, T.employer, `/api/matches/${small.match.id}/accept`, {});
    expect(res.statusCode).toBe(409);
    expect(await seatsTaken(opportunity.id)).toBe(8);
  });
});

describe("the match lifecycle", () => {
  it("goes approved → accepted (request matched) → completed (request fulfilled) and records the history", async () => {
    const opportunity = await insertOpportunity(h);
    const request = await insertRequest(h, { students: 20 });
    const proposed = await createMatchVia(h, T.teacher, request.id, opportunity.id, 20);
    expect((await post(h, T.coordinator, `/api/matches/${proposed.id}/approve`)).json().status).toBe("approved");
    // No body at all is a plain accept.
    const accepted = await post(h, T.employer, `/api/matches/${proposed.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe("accepted");
    expect(await requestStatus(request.id)).toBe("matched");
    expect(await seatsTaken(opportunity.id)).toBe(20);

    const done = await post(h, T.teacher, `/api/matches/${proposed.id}/complete`, { attendedStudents: 18 });
    expect(done.json()).toMatchObject({ status: "completed", attendedStudents: 18 });
    expect(await requestStatus(request.id)).toBe("fulfilled");
    expect(await seatsTaken(opportunity.id)).toBe(20);

    const detail = (await get(h, T.coordinator, `/api/matches/${proposed.id}`)).json();
    expect(detail.request).toMatchObject({ id: request.id, status: "fulfilled", schoolName: "Valley High" });
    expect(detail.opportunity).toMatchObject({ id: opportunity.id, seatsTaken: 20, seatsLeft: 5 });
    expect(
      detail.history.map((e: { action: string; toStatus: string; actor: { name: string } }) => [
        e.action,
        e.toStatus,
        e.actor.name,
      ]),
    ).toEqual([
      ["propose", "proposed", "Tanya Nguyen"],
      ["approve", "approved", "Carlos Mendoza"],
      ["accept", "accepted", "Elena Park"],
      ["complete", "completed", "Tanya Nguyen"],
    ]);
  });

  it("schedules straight away when the employer accepts with a time, and records an intermediary's answer as on behalf", async () => {
    const opportunity = await insertOpportunity(h);
    const { match } = await approvedMatch(opportunity.id);
    const res = await post(h, T.intermediary, `/api/matches/${match.id}/accept`, {
      scheduledAt: "2031-03-12T16:00:00Z",
    });
    expect(res.json()).toMatchObject({ status: "scheduled", scheduledAt: "2031-03-12T16:00:00.000Z" });
    const history = (await get(h, T.employer, `/api/matches/${match.id}`)).json().history;
    expect(
      history
        .slice(1)
        .map((e: { action: string; onBehalf: boolean; actor: { role: string } }) => [
          e.action,
          e.onBehalf,
          e.actor.role,
        ]),
    ).toEqual([
      ["accept", true, "intermediary"],
      ["schedule", true, "intermediary"],
    ]);
  });

  it("frees the seats and reopens the request when an employer declines an accepted match", async () => {
    const opportunity = await insertOpportunity(h, { capacity: 4 });
    const { match, request } = await approvedMatch(opportunity.id, 3);
    await post(h, T.employer, `/api/matches/${match.id}/accept`, {});
    expect(await seatsTaken(opportunity.id)).toBe(3);
    const res = await post(h, T.employer, `/api/matches/${match.id}/decline`, {
      reason: "Our site is closed that week",
    });
    expect(res.json().status).toBe("declined");
    expect(await seatsTaken(opportunity.id)).toBe(0);
    expect(await requestStatus(request.id)).toBe("open");
    const [row] = await h.db.db.select().from(matches).where(eq(matches.id, match.id));
    expect(row).toMatchObject({ closeReason: "Our site is closed that week", closedAt: TEST_NOW });
  });

  it("frees the seats on cancel but keeps the request matched while another match still serves it", async () => {
    const a = await insertOpportunity(h, { capacity: 10 });
    const b = await insertOpportunity(h, { capacity: 10, employer: "Sierra Builders" });
    const request = await insertRequest(h, { students: 4 });
    const first = await createMatchVia(h, T.coordinator, request.id, a.id, 2);
    const second = await createMatchVia(h, T.coordinator, request.id, b.id, 2);
    await post(h, T.employer, `/api/matches/${first.id}/accept`, {});
    await post(h, T.builder, `/api/matches/${second.id}/accept`, { scheduledAt: "2031-03-20T17:00:00Z" });

    expect(
      (await post(h, T.teacher, `/api/matches/${first.id}/cancel`, { reason: "Bus fell through" })).statusCode,
    ).toBe(200);
    expect(await seatsTaken(a.id)).toBe(0);
    expect(await requestStatus(request.id)).toBe("matched");
    expect(
      (await post(h, T.coordinator, `/api/matches/${second.id}/cancel`, { reason: "Bus fell through" })).statusCode,
    ).toBe(200);
    expect(await seatsTaken(b.id)).toBe(0);
    expect(await requestStatus(request.id)).toBe("open");
  });

  it("reopens the request once when its two live matches are cancelled at the same moment", async () => {
    const a = await insertOpportunity(h);
    const b = await insertOpportunity(h, { employer: "Sierra Builders" });
    const request = await insertRequest(h, { students: 2 });
    const first = await createMatchVia(h, T.coordinator, request.id, a.id);
    const second = await createMatchVia(h, T.coordinator, request.id, b.id);
    await post(h, T.employer, `/api/matches/${first.id}/accept`, {});
    await post(h, T.builder, `/api/matches/${second.id}/accept`, {});
    const results = await Promise.all(
      [first, second].map((m) =>
        post(h, T.coordinator, `/api/matches/${m.id}/cancel`, { reason: "Field trip cancelled" }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(await requestStatus(request.id)).toBe("open");
  });

  it("cancels a match that held no seats without touching the opportunity", async () => {
    const opportunity = await insertOpportunity(h, { capacity: 3, seatsTaken: 2 });
    const { match, request } = await approvedMatch(opportunity.id);
    expect((await post(h, T.coordinator, `/api/matches/${match.id}/cancel`, { reason: "Duplicate" })).statusCode).toBe(
      200,
    );
    expect(await seatsTaken(opportunity.id)).toBe(2);
    expect(await requestStatus(request.id)).toBe("open");
  });

  it("reschedules a scheduled match and bumps the invite sequence", async () => {
    const opportunity = await insertOpportunity(h);
    const { match } = await approvedMatch(opportunity.id);
    await post(h, T.employer, `/api/matches/${match.id}/accept`, {});
    await post(h, T.employer, `/api/matches/${match.id}/schedule`, { scheduledAt: "2031-03-12T16:00:00Z" });
    const res = await post(h, T.teacher, `/api/matches/${match.id}/schedule`, {
      scheduledAt: "2031-03-13T16:00:00-07:00",
    });
    expect(res.json()).toMatchObject({ status: "scheduled", scheduledAt: "2031-03-13T23:00:00.000Z" });
    const [row] = await h.db.db.select().from(matches).where(eq(matches.id, match.id));
    expect(row!.icsSequence).toBe(1);
    const events = await h.db.db
      .select()
      .from(matchEvents)
      .where(eq(matchEvents.matchId, match.id))
      .orderBy(asc(matchEvents.id));
    expect(events.map((e) => e.action)).toEqual(["approve", "accept", "schedule", "schedule"]);
  });
});

describe("feedback", () => {
  it("takes one answer per person from the teacher and the employer once the match is completed", async () => {
    const opportunity = await insertOpportunity(h);
    const { match } = await approvedMatch(opportunity.id);
    const early = await post(h, T.teacher, `/api/matches/${match.id}/feedback`, { rating: 5, hostAgain: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toBe("https://bridgework.dev/problems/invalid-transition");
    await post(h, T.employer, `/api/matches/${match.id}/accept`, {});
    await post(h, T.coordinator, `/api/matches/${match.id}/complete`, { attendedStudents: 1 });

    const teacher = await post(h, T.teacher, `/api/matches/${match.id}/feedback`, {
      rating: 5,
      hostAgain: true,
      comment: "Great tour",
    });
    expect(teacher.statusCode).toBe(201);
    expect(teacher.json()).toMatchObject({
      matchId: match.id,
      role: "teacher",
      rating: 5,
      hostAgain: true,
      comment: "Great tour",
    });
    expect(
      (await post(h, T.employer, `/api/matches/${match.id}/feedback`, { rating: 4, hostAgain: false })).statusCode,
    ).toBe(201);
    const twice = await post(h, T.teacher, `/api/matches/${match.id}/feedback`, { rating: 1, hostAgain: false });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe("https://bridgework.dev/problems/duplicate");
    expect(
      (await post(h, T.teacher, `/api/matches/${match.id}/feedback`, { rating: 6, hostAgain: true })).statusCode,
    ).toBe(400);
  });
});

describe("a time inside the request's window", () => {
  // The request's window is March 1–31, 2031, read in the region's zone (America/Los_Angeles).
  const outside = async (action: "accept" | "schedule", scheduledAt: string, headers: Record<string, string> = {}) => {
    const opportunity = await insertOpportunity(h);
    const { match, request } = await approvedMatch(opportunity.id);
    if (action === "schedule")
      expect((await post(h, T.employer, `/api/matches/${match.id}/accept`, {})).statusCode).toBe(200);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/matches/${match.id}/${action}`,
      headers: { ...(await h.as(T.employer)), ...headers },
      payload: { scheduledAt },
    });
    return { res, match, request, opportunity };
  };

  it("refuses accepting with a time outside the window (422 outside-window naming the window, on the date field) and changes nothing", async () => {
    const { res, match, request, opportunity } = await outside("accept", "2031-04-02T17:00:00Z");
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.type).toBe("https://bridgework.dev/problems/outside-window");
    expect(problem.detail).toContain("Mar 1, 2031 – Mar 31, 2031");
    expect(problem.errors).toEqual([{ path: "scheduledAt", message: "Pick a date from Mar 1, 2031 to Mar 31, 2031" }]);
    // Nothing was written: still approved, no seats taken, the request still open.
    const [row] = await h.db.db.select().from(matches).where(eq(matches.id, match.id));
    expect(row!.status).toBe("approved");
    expect(await seatsTaken(opportunity.id)).toBe(0);
    expect(await requestStatus(request.id)).toBe("open");
  });

  it("says it in Spanish to a Spanish reader", async () => {
    const { res } = await outside("accept", "2031-02-20T17:00:00Z", { "accept-language": "es" });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain("Esa fecha está fuera del periodo del docente (1 mar 2031 – 31 mar 2031)");
    expect(res.json().errors[0].message).toBe("Elija una fecha entre el 1 mar 2031 y el 31 mar 2031");
  });

  it("reads the window's days in the region's zone: the evening of its last day is inside, the evening before its first is not", async () => {
    // 11:30 pm on March 31 in California is already April 1 in UTC.
    const lastEvening = await outside("accept", "2031-04-01T06:30:00Z");
    expect(lastEvening.res.statusCode).toBe(200);
    expect(lastEvening.res.json().status).toBe("scheduled");
    // 11:59 pm on February 28 in California is already March 1 in UTC.
    const dayBefore = await outside("accept", "2031-03-01T07:59:00Z");
    expect(dayBefore.res.statusCode).toBe(422);
  });

  it("refuses rescheduling outside the window too, and takes a time inside it", async () => {
    const { res, match } = await outside("schedule", "2031-05-05T17:00:00Z");
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe("https://bridgework.dev/problems/outside-window");
    const inside = await post(h, T.employer, `/api/matches/${match.id}/schedule`, {
      scheduledAt: "2031-03-20T17:00:00Z",
    });
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ status: "scheduled", scheduledAt: "2031-03-20T17:00:00.000Z" });
  });
});

describe("the employer's ask card", () => {
  it("lists each ask with what the teacher asked for: window, grades, students, format, notes, school and teacher", async () => {
    const opportunity = await insertOpportunity(h, { title: "Ask card tour" });
    const request = await insertRequest(h, {
      students: 18,
      gradeLevels: [9, 12],
      modality: "in_person",
      notes: "Two students use wheelchairs.",
    });
    await createMatchVia(h, T.coordinator, request.id, opportunity.id, 18);
    const res = await get(h, T.employer, `/api/matches?status=approved&opportunityId=${opportunity.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        opportunityTitle: "Ask card tour",
        schoolName: "Valley High",
        requestedByName: "Tanya Nguyen",
        seats: 18,
        request: {
          windowStart: "2031-03-01",
          windowEnd: "2031-03-31",
          students: 18,
          gradeLevels: [9, 12],
          modality: "in_person",
          notes: "Two students use wheelchairs.",
        },
      }),
    ]);
  });
});
