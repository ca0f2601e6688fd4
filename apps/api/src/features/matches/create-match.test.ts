import { matchEvents, matches } from "@bridgework/db";
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
beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
});
afterAll(() => h.close());

describe("POST /api/matches", () => {
  it("lets a teacher propose an opportunity for a request of their own school (proposed, nothing sent)", async () => {
    const request = await insertRequest(h);
    const opportunity = await insertOpportunity(h);
    const res = await post(h, T.teacher, "/api/matches", {
      requestId: request.id,
      opportunityId: opportunity.id,
      seats: 1,
      note: "Our juniors would love this",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "proposed",
      requestId: request.id,
      opportunityId: opportunity.id,
      employerId: opportunity.employerId,
      seats: 1,
      duplicateAsk: false,
      askCapReached: false,
    });
    const [event] = await h.db.db.select().from(matchEvents).where(eq(matchEvents.matchId, res.json().id));
    expect(event).toMatchObject({ action: "propose", fromStatus: null, toStatus: "proposed" });
  });

  it("creates the match already approved when a coordinator or an intermediary makes it", async () => {
    for (const who of [T.coordinator, T.intermediary]) {
      const request = await insertRequest(h);
      const opportunity = await insertOpportunity(h, { employer: "Sierra Builders" });
      const match = await createMatchVia(h, who, request.id, opportunity.id);
      expect(match.status).toBe("approved");
      const [row] = await h.db.db.select().from(matches).where(eq(matches.id, match.id));
      expect(row!.approvedAt).toEqual(TEST_NOW);
    }
  });

  it("refuses an employer with 403", async () => {
    const request = await insertRequest(h);
    const opportunity = await insertOpportunity(h);
    const res = await post(h, T.employer, "/api/matches", {
      requestId: request.id,
      opportunityId: opportunity.id,
      seats: 1,
    });
    expect(res.statusCode).toBe(403);
  });

  it("answers 404 for another school's request (teacher) and for another region's ids", async () => {
    const eastside = await insertRequest(h, { teacher: T.teacher2 });
    const opportunity = await insertOpportunity(h);
    expect(
      (await post(h, T.teacher, "/api/matches", { requestId: eastside.id, opportunityId: opportunity.id, seats: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await post(h, T.coastCoordinator, "/api/matches", {
          requestId: eastside.id,
          opportunityId: opportunity.id,
          seats: 1,
        })
      ).statusCode,
    ).toBe(404);
    // A coordinator of another district of the same region does not see the request either.
    expect(
      (await post(h, T.riverbend, "/api/matches", { requestId: eastside.id, opportunityId: opportunity.id, seats: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it("refuses an opportunity that is not published (a teacher cannot even see a draft)", async () => {
    const request = await insertRequest(h);
    const paused = await insertOpportunity(h, { status: "paused" });
    const draft = await insertOpportunity(h, { status: "draft" });
    const res = await post(h, T.coordinator, "/api/matches", {
      requestId: request.id,
      opportunityId: paused.id,
      seats: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/invalid-transition");
    expect(
      (await post(h, T.teacher, "/api/matches", { requestId: request.id, opportunityId: draft.id, seats: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it("refuses more seats than are left right now with 409 seats-unavailable", async () => {
    const request = await insertRequest(h, { students: 6 });
    const opportunity = await insertOpportunity(h, { capacity: 10, seatsTaken: 5 });
    const res = await post(h, T.teacher, "/api/matches", {
      requestId: request.id,
      opportunityId: opportunity.id,
      seats: 6,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/seats-unavailable",
      detail: "Only 5 seats are left on this opportunity.",
    });
    expect(
      (await post(h, T.teacher, "/api/matches", { requestId: request.id, opportunityId: opportunity.id, seats: 5 }))
        .statusCode,
    ).toBe(201);
  });

  it("refuses a second live match for the same request and opportunity with 409 duplicate, and allows one after the first ended", async () => {
    const request = await insertRequest(h);
    const opportunity = await insertOpportunity(h);
    const first = await createMatchVia(h, T.teacher, request.id, opportunity.id);
    const again = await post(h, T.coordinator, "/api/matches", {
      requestId: request.id,
      opportunityId: opportunity.id,
      seats: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe("https://bridgework.dev/problems/duplicate");
    // Even fired at once, only one of two proposals for a fresh pair gets in.
    const other = await insertOpportunity(h);
    const raced = await Promise.all(
      [0, 1].map(() =>
        post(h, T.teacher, "/api/matches", { requestId: request.id, opportunityId: other.id, seats: 1 }),
      ),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);

    expect((await post(h, T.teacher, `/api/matches/${first.id}/cancel`, { reason: "Wrong date" })).statusCode).toBe(
      200,
    );
    expect(
      (await post(h, T.teacher, "/api/matches", { requestId: request.id, opportunityId: opportunity.id, seats: 1 }))
        .statusCode,
    ).toBe(201);
  });

  it("refuses a match for a cancelled request", async () => {
    const request = await insertRequest(h, { status: "cancelled" });
    const opportunity = await insertOpportunity(h);
    const res = await post(h, T.teacher, "/api/matches", {
      requestId: request.id,
      opportunityId: opportunity.id,
      seats: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/invalid-transition");
  });

  it("answers bad input with 400 and the fields", async () => {
    const res = await post(h, T.teacher, "/api/matches", { requestId: "nope", seats: 0 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["opportunityId", "requestId", "seats"]);
  });
});

describe("duplicate asks", () => {
  it("flags a second request asking the same employer for the same kind in an overlapping window", async () => {
    const employer = "Central Valley Ag Co-op";
    const tourA = await insertOpportunity(h, { employer });
    const tourB = await insertOpportunity(h, { employer });
    const first = await insertRequest(h, { windowStart: "2031-04-01", windowEnd: "2031-04-20" });
    const overlapping = await insertRequest(h, {
      teacher: T.teacher2,
      windowStart: "2031-04-15",
      windowEnd: "2031-05-10",
    });
    const later = await insertRequest(h, { teacher: T.teacher2, windowStart: "2031-05-11", windowEnd: "2031-05-31" });
    const otherKind = await insertRequest(h, {
      teacher: T.teacher2,
      kind: "job_shadow",
      windowStart: "2031-04-01",
      windowEnd: "2031-04-20",
    });

    expect((await createMatchVia(h, T.teacher, first.id, tourA.id)).duplicateAsk).toBe(false);
    const dup = await createMatchVia(h, T.teacher2, overlapping.id, tourB.id);
    expect(dup.duplicateAsk).toBe(true);
    expect((await createMatchVia(h, T.teacher2, later.id, tourB.id)).duplicateAsk).toBe(false);
    expect((await createMatchVia(h, T.teacher2, otherKind.id, tourA.id)).duplicateAsk).toBe(false);

    const listed = await get(h, T.coordinator, `/api/matches?duplicateAsk=true&opportunityId=${tourB.id}`);
    expect(listed.json().items.map((m: { id: string }) => m.id)).toEqual([dup.id]);
  });

  it("does not count a request's own other matches, nor ended ones", async () => {
    const employer = "Pixel Orchard Software";
    const a = await insertOpportunity(h, { employer, kind: "guest_speaker" });
    const b = await insertOpportunity(h, { employer, kind: "guest_speaker" });
    const request = await insertRequest(h, { kind: "guest_speaker" });
    const first = await createMatchVia(h, T.teacher, request.id, a.id);
    const second = await createMatchVia(h, T.teacher, request.id, b.id);
    expect(second.duplicateAsk).toBe(false);
    await post(h, T.teacher, `/api/matches/${first.id}/cancel`, { reason: "Changed plans" });
    // The second match is still live for the first request: a new request's ask is a duplicate of it.
    const another = await insertRequest(h, { kind: "guest_speaker", teacher: T.teacher2 });
    const c = await insertOpportunity(h, { employer, kind: "guest_speaker" });
    const dup = await createMatchVia(h, T.teacher2, another.id, c.id);
    expect(dup.duplicateAsk).toBe(true);
    // Once both earlier asks have ended, nothing is duplicated any more.
    await post(h, T.teacher, `/api/matches/${second.id}/cancel`, { reason: "Changed plans" });
    await post(h, T.teacher2, `/api/matches/${dup.id}/cancel`, { reason: "Changed plans" });
    const d = await insertOpportunity(h, { employer, kind: "guest_speaker" });
    expect(
      (
        await createMatchVia(
          h,
          T.teacher2,
          (
            await insertRequest(h, { kind: "guest_speaker", teacher: T.teacher2 })
          ).id,
          d.id,
        )
      ).duplicateAsk,
    ).toBe(false);
  });
});
