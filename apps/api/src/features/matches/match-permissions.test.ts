import { matches } from "@bridgework/db";
import { eq } from "drizzle-orm";
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
let proposed: { id: string };
let approved: { id: string };
let requestId: string;
let opportunityId: string;

beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
  const opportunity = await insertOpportunity(h);
  opportunityId = opportunity.id;
  const request = await insertRequest(h);
  requestId = request.id;
  proposed = await createMatchVia(h, T.teacher, request.id, opportunity.id);
  approved = await createMatchVia(h, T.coordinator, (await insertRequest(h)).id, (await insertOpportunity(h)).id);
});
afterAll(() => h.close());

const status = async (id: string) => (await h.db.db.select().from(matches).where(eq(matches.id, id)))[0]!.status;

type Case = { route: string; who: string; url: () => string; body?: object };
const action = (name: string, who: string[], body?: object, on: () => { id: string } = () => approved): Case[] =>
  who.map((w) => ({
    route: `POST /api/matches/:id/${name}`,
    who: w,
    url: () => `/api/matches/${on().id}/${name}`,
    body,
  }));

describe("who may do what", () => {
  const refused: Case[] = [
    { route: "POST /api/matches", who: T.employer, url: () => "/api/matches", body: undefined },
    ...action("approve", [T.teacher, T.employer], undefined, () => proposed),
    ...action("accept", [T.teacher, T.coordinator], {}),
    ...action("decline", [T.teacher, T.coordinator], { reason: "No" }),
    ...action("cancel", [T.employer], { reason: "No" }),
    ...action("complete", [T.employer, T.intermediary], { attendedStudents: 1 }),
    ...action("feedback", [T.coordinator, T.intermediary], { rating: 4, hostAgain: true }),
  ];

  it.each(refused)("refuses $who on $route with 403 and changes nothing", async ({ who, url, body }) => {
    const before = [await status(proposed.id), await status(approved.id)];
    const payload = url() === "/api/matches" ? { requestId, opportunityId, seats: 1 } : body;
    const res = await post(h, who, url(), payload);
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe("https://bridgework.dev/problems/forbidden");
    expect([await status(proposed.id), await status(approved.id)]).toEqual(before);
  });

  it("refuses an employer asking for suggestions with 403", async () => {
    expect((await get(h, T.employer, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(403);
  });

  it("lets only the teacher who asked, not a colleague of the same school, cancel or reschedule", async () => {
    // The coordinator asked on Valley High's behalf: the school's teacher sees the match but did not ask.
    const request = await insertRequest(h, { createdBy: await h.userId(T.coordinator) });
    const match = await createMatchVia(h, T.coordinator, request.id, (await insertOpportunity(h)).id);
    await post(h, T.employer, `/api/matches/${match.id}/accept`, {});
    expect((await get(h, T.teacher, `/api/matches/${match.id}`)).statusCode).toBe(200);
    expect((await post(h, T.teacher, `/api/matches/${match.id}/cancel`, { reason: "No" })).statusCode).toBe(403);
    expect(
      (await post(h, T.teacher, `/api/matches/${match.id}/schedule`, { scheduledAt: "2031-03-12T16:00:00Z" }))
        .statusCode,
    ).toBe(403);
    expect(await status(match.id)).toBe("accepted");
    // A teacher of another school does not even see it.
    expect((await post(h, T.teacher2, `/api/matches/${match.id}/cancel`, { reason: "No" })).statusCode).toBe(404);
  });
});

describe("what people see", () => {
  const coast = [T.coastCoordinator, T.coastIntermediary, T.coastEmployer];

  it("answers 404 to another region for every match route, and lists none of the region's matches", async () => {
    for (const who of coast) {
      for (const [url, body] of [
        [`/api/matches/${approved.id}/approve`, undefined],
        [`/api/matches/${approved.id}/accept`, {}],
        [`/api/matches/${approved.id}/schedule`, { scheduledAt: "2031-03-12T16:00:00Z" }],
        [`/api/matches/${approved.id}/decline`, { reason: "x" }],
        [`/api/matches/${approved.id}/cancel`, { reason: "x" }],
        [`/api/matches/${approved.id}/complete`, { attendedStudents: 1 }],
        [`/api/matches/${approved.id}/feedback`, { rating: 3, hostAgain: true }],
      ] as const) {
        const res = await post(h, who, url, body);
        // Roles that may never act get 403 first; every other answer must be 404, never data.
        expect([403, 404]).toContain(res.statusCode);
      }
      expect((await get(h, who, `/api/matches/${approved.id}`)).statusCode).toBe(404);
      expect((await get(h, who, "/api/matches")).json().total).toBe(0);
    }
    expect((await post(h, T.coastCoordinator, `/api/matches/${approved.id}/approve`)).statusCode).toBe(404);
    expect((await post(h, T.coastEmployer, `/api/matches/${approved.id}/accept`, {})).statusCode).toBe(404);
    expect((await post(h, T.coastIntermediary, `/api/matches/${approved.id}/cancel`, { reason: "x" })).statusCode).toBe(
      404,
    );
    expect((await post(h, T.coastCoordinator, "/api/matches", { requestId, opportunityId, seats: 1 })).statusCode).toBe(
      404,
    );
    expect((await get(h, T.coastCoordinator, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(404);
    expect(await status(approved.id)).toBe("approved");
  });

  it("answers 404 to a coordinator of another district and a teacher of another school", async () => {
    expect((await get(h, T.riverbend, `/api/matches/${approved.id}`)).statusCode).toBe(404);
    expect((await post(h, T.riverbend, `/api/matches/${proposed.id}/approve`)).statusCode).toBe(404);
    expect((await get(h, T.teacher2, `/api/matches/${approved.id}`)).statusCode).toBe(404);
    expect((await get(h, T.builder, `/api/matches/${approved.id}`)).statusCode).toBe(404);
  });

  it("keeps a teacher's proposal from the employer until it is approved", async () => {
    expect((await get(h, T.employer, `/api/matches/${proposed.id}`)).statusCode).toBe(404);
    expect((await post(h, T.employer, `/api/matches/${proposed.id}/decline`, { reason: "x" })).statusCode).toBe(404);
    const ids = (await get(h, T.employer, "/api/matches")).json().items.map((m: { id: string }) => m.id);
    expect(ids).toContain(approved.id);
    expect(ids).not.toContain(proposed.id);
    const teacherIds = (await get(h, T.teacher, "/api/matches")).json().items.map((m: { id: string }) => m.id);
    expect(teacherIds).toEqual(expect.arrayContaining([approved.id, proposed.id]));
  });

  it("filters the list by status, request and opportunity", async () => {
    const byStatus = (await get(h, T.coordinator, "/api/matches?status=proposed")).json();
    expect(byStatus.items.every((m: { status: string }) => m.status === "proposed")).toBe(true);
    const byRequest = (await get(h, T.coordinator, `/api/matches?requestId=${requestId}`)).json();
    expect(byRequest.items.map((m: { id: string }) => m.id)).toEqual([proposed.id]);
    expect(byRequest.items[0]).toMatchObject({
      kind: "industry_tour",
      employerName: "Valley Medical Center",
      schoolName: "Valley High",
      requestedByName: "Tanya Nguyen",
    });
    const byOpportunity = (
      await get(h, T.intermediary, `/api/matches?opportunityId=${opportunityId}&pageSize=1`)
    ).json();
    expect(byOpportunity).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect((await get(h, T.coordinator, "/api/matches?pageSize=101")).statusCode).toBe(400);
  });
});

describe("illegal moves", () => {
  it("answers 409 invalid-transition and leaves the match as it was", async () => {
    const request = await insertRequest(h);
    const m = await createMatchVia(h, T.teacher, request.id, (await insertOpportunity(h)).id);
    const expect409 = async (who: string, name: string, body?: object) => {
      const res = await post(h, who, `/api/matches/${m.id}/${name}`, body);
      expect(res.statusCode, `${name} as ${who}`).toBe(409);
      expect(res.json().type).toBe("https://bridgework.dev/problems/invalid-transition");
    };
    await expect409(T.intermediary, "accept", {});
    await expect409(T.coordinator, "complete", { attendedStudents: 3 });
    await expect409(T.coordinator, "schedule", { scheduledAt: "2031-03-12T16:00:00Z" });
    await post(h, T.coordinator, `/api/matches/${m.id}/approve`);
    await expect409(T.coordinator, "approve");
    await post(h, T.employer, `/api/matches/${m.id}/accept`, {});
    await expect409(T.employer, "accept", {});
    await post(h, T.teacher, `/api/matches/${m.id}/complete`, { attendedStudents: 1 });
    await expect409(T.employer, "decline", { reason: "Too late" });
    await expect409(T.coordinator, "cancel", { reason: "Too late" });
    expect(await status(m.id)).toBe("completed");
  });
});
