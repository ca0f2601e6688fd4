import { auditLog, matchEvents, matches, opportunities, requests } from "@bridgework/db";
import type { MatchStatus } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const TEACHER = "teacher@valley.example";

async function newRequest(email = TEACHER, over: Record<string, unknown> = {}): Promise<string> {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/requests",
    headers: await h.as(email),
    payload: {
      kind: "industry_tour",
      sector: "Health Science and Medical Technology",
      students: 12,
      gradeLevels: [11, 12],
      windowStart: "2027-04-01",
      windowEnd: "2027-04-30",
      modality: "in_person",
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function publishedOpportunity(capacity = 20): Promise<string> {
  const headers = await h.as("employer@valley.example");
  const res = await h.app.inject({
    method: "POST",
    url: "/api/opportunities",
    headers,
    payload: {
      kind: "industry_tour",
      sector: "Health Science and Medical Technology",
      title: "Hospital tour",
      modality: "in_person",
      capacity,
    },
  });
  await h.app.inject({ method: "POST", url: `/api/opportunities/${res.json().id}/publish`, headers });
  return res.json().id;
}

/** A match row as the matches feature would have left it, with the seats it holds already taken. */
async function match(requestId: string, opportunityId: string, status: MatchStatus, seats: number) {
  const [opp] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
  const [row] = await h.db.db
    .insert(matches)
    .values({
      regionId: opp!.regionId,
      requestId,
      opportunityId,
      employerId: opp!.employerId,
      seats,
      status,
      proposedBy: await h.userId("coordinator@valley.example"),
      scheduledAt: status === "scheduled" ? new Date("2027-04-15T16:00:00Z") : null,
    })
    .returning();
  if (["accepted", "scheduled", "completed"].includes(status))
    await h.db.db
      .update(opportunities)
      .set({ seatsTaken: opp!.seatsTaken + seats })
      .where(eq(opportunities.id, opportunityId));
  return row!;
}

const cancel = async (email: string, id: string) =>
  h.app.inject({ method: "POST", url: `/api/requests/${id}/cancel`, headers: await h.as(email) });
const seatsTaken = async (id: string) =>
  (await h.db.db.select({ n: opportunities.seatsTaken }).from(opportunities).where(eq(opportunities.id, id)))[0]!.n;

describe("cancelling a request", () => {
  it("cancels the request and its live matches, frees the seats they held and records each in the match history", async () => {
    const requestId = await newRequest();
    const other = await newRequest();
    const [o1, o2, o3, o4] = [
      await publishedOpportunity(),
      await publishedOpportunity(),
      await publishedOpportunity(),
      await publishedOpportunity(),
    ];
    const proposed = await match(requestId, o1!, "proposed", 2);
    const approved = await match(requestId, o2!, "approved", 3);
    const accepted = await match(requestId, o3!, "accepted", 4);
    const scheduled = await match(requestId, o4!, "scheduled", 5);
    const declined = await match(requestId, o3!, "declined", 6);
    await match(other, o3!, "accepted", 3);
    expect([await seatsTaken(o3!), await seatsTaken(o4!)]).toEqual([7, 5]);

    const res = await cancel(TEACHER, requestId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: requestId, status: "cancelled" });

    const after = await h.db.db.select().from(matches).where(eq(matches.requestId, requestId));
    const status = Object.fromEntries(after.map((m) => [m.id, m.status]));
    expect(status).toEqual({
      [proposed.id]: "cancelled",
      [approved.id]: "cancelled",
      [accepted.id]: "cancelled",
      [scheduled.id]: "cancelled",
      [declined.id]: "declined",
    });
    expect(after.filter((m) => m.status === "cancelled").every((m) => m.closedAt && m.closeReason)).toBe(true);
    expect(after.find((m) => m.id === scheduled.id)!.icsSequence).toBe(scheduled.icsSequence + 1);
    // Only the accepted and scheduled matches held seats; the other request's seats stay taken.
    expect([await seatsTaken(o1!), await seatsTaken(o2!), await seatsTaken(o3!), await seatsTaken(o4!)]).toEqual([
      0, 0, 3, 0,
    ]);

    const teacherId = await h.userId(TEACHER);
    for (const m of [proposed, approved, accepted, scheduled]) {
      const events = await h.db.db.select().from(matchEvents).where(eq(matchEvents.matchId, m.id));
      expect(events).toEqual([
        expect.objectContaining({
          action: "cancel",
          fromStatus: m.status,
          toStatus: "cancelled",
          actorUserId: teacherId,
          onBehalf: false,
        }),
      ]);
    }
    expect(await h.db.db.select().from(matchEvents).where(eq(matchEvents.matchId, declined.id))).toEqual([]);
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, requestId), eq(auditLog.action, "cancel")));
    expect(entry).toMatchObject({
      actorUserId: teacherId,
      details: { from: "open", cancelledMatches: expect.arrayContaining([proposed.id, scheduled.id]) },
    });
  });

  it("cancels a matched request", async () => {
    const id = await newRequest();
    await h.db.db.update(requests).set({ status: "matched" }).where(eq(requests.id, id));
    expect((await cancel("coordinator@valley.example", id)).json().status).toBe("cancelled");
  });

  it.each(["cancelled", "expired", "fulfilled"] as const)(
    "refuses to cancel a %s request with 409 invalid-transition and touches no match",
    async (from) => {
      const id = await newRequest();
      const o = await publishedOpportunity();
      const m = await match(id, o, "accepted", 2);
      await h.db.db.update(requests).set({ status: from }).where(eq(requests.id, id));
      const res = await cancel(TEACHER, id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        type: "https://bridgework.dev/problems/invalid-transition",
        detail: `This request is ${from} and cannot be cancelled.`,
      });
      expect((await h.db.db.select().from(matches).where(eq(matches.id, m.id)))[0]!.status).toBe("accepted");
      expect(await seatsTaken(o)).toBe(2);
    },
  );

  it("frees the seats once when two people cancel at the same time", async () => {
    const id = await newRequest();
    const o = await publishedOpportunity();
    await match(id, o, "accepted", 4);
    const results = await Promise.all([
      cancel(TEACHER, id),
      cancel("coordinator@valley.example", id),
      cancel("intermediary@valley.example", id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await seatsTaken(o)).toBe(0);
  });

  it("lets the district's coordinator and the intermediary cancel a teacher's request", async () => {
    expect((await cancel("coordinator@valley.example", await newRequest())).statusCode).toBe(200);
    expect((await cancel("intermediary@valley.example", await newRequest())).statusCode).toBe(200);
  });
});

describe("who may cancel a request", () => {
  it("refuses a teacher of the same school who did not make the request with 403", async () => {
    const id = await newRequest("coordinator@valley.example", { schoolId: await h.orgId("Valley High") });
    const res = await cancel(TEACHER, id);
    expect(res.statusCode).toBe(403);
    expect((await h.db.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("open");
  });

  it("refuses an employer with 403", async () => {
    expect((await cancel("employer@valley.example", await newRequest())).statusCode).toBe(403);
  });

  it.each([
    "teacher2@valley.example",
    "coordinator@riverbend.example",
    "coordinator@coast.example",
    "intermediary@coast.example",
  ])("answers %s with 404 and leaves the request open", async (email) => {
    const id = await newRequest();
    expect((await cancel(email, id)).statusCode).toBe(404);
    expect((await h.db.db.select().from(requests).where(eq(requests.id, id)))[0]!.status).toBe("open");
  });
});

describe("saying why", () => {
  it("keeps the teacher's optional reason on the cancelled matches and in the audit log", async () => {
    const id = await newRequest();
    const m = await match(id, await publishedOpportunity(), "approved", 2);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/requests/${id}/cancel`,
      headers: await h.as(TEACHER),
      payload: { reason: "The field trip budget was cut" },
    });
    expect(res.statusCode).toBe(200);
    const [row] = await h.db.db.select().from(matches).where(eq(matches.id, m.id));
    expect(row!.closeReason).toBe("The request was cancelled: The field trip budget was cut");
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "cancel")));
    expect(entry!.details).toMatchObject({ reason: "The field trip budget was cut" });
  });

  it("answers a reason too long with 400 naming the field", async () => {
    const id = await newRequest();
    const res = await h.app.inject({
      method: "POST",
      url: `/api/requests/${id}/cancel`,
      headers: await h.as(TEACHER),
      payload: { reason: "x".repeat(1001) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "reason" })]);
  });
});

describe("a request's asks in the list", () => {
  it("shows the teacher each ask of their request: employer, state and the scheduled time", async () => {
    const id = await newRequest(TEACHER, { windowStart: "2027-04-02" });
    const o1 = await publishedOpportunity();
    const o2 = await publishedOpportunity();
    const declined = await match(id, o1, "declined", 2);
    const scheduled = await match(id, o2, "scheduled", 2);
    const res = await h.app.inject({
      method: "GET",
      url: "/api/requests?mine=true&pageSize=100",
      headers: await h.as(TEACHER),
    });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((r: { id: string }) => r.id === id);
    expect(item.asks).toEqual([
      {
        matchId: scheduled.id,
        status: "scheduled",
        employerName: "Valley Medical Center",
        opportunityTitle: "Hospital tour",
        scheduledAt: "2027-04-15T16:00:00.000Z",
      },
      {
        matchId: declined.id,
        status: "declined",
        employerName: "Valley Medical Center",
        opportunityTitle: "Hospital tour",
        scheduledAt: null,
      },
    ]);
    // A request without asks says so with an empty list.
    const lone = await newRequest();
    const again = await h.app.inject({
      method: "GET",
      url: "/api/requests?mine=true&pageSize=100",
      headers: await h.as(TEACHER),
    });
    expect(again.json().items.find((r: { id: string }) => r.id === lone).asks).toEqual([]);
  });
});
