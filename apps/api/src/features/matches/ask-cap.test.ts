import { matches } from "@bridgework/db";
import { monthOf } from "@bridgework/domain";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type ManualClock, manualClock } from "../../../test/harness.ts";
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
let clock: ManualClock;
beforeAll(async () => {
  clock = manualClock(TEST_NOW);
  h = await createHarness({ clock });
});
afterAll(() => h.close());

/** `n` teacher proposals to one employer, each for its own request. */
async function proposals(employer: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const opportunity = await insertOpportunity(h, { employer });
    const request = await insertRequest(h);
    out.push(await createMatchVia(h, T.teacher, request.id, opportunity.id));
  }
  return out;
}

describe("the monthly ask cap", () => {
  it("approves 4 asks to an employer in a month, refuses the 5th with 422, lets it through once an intermediary raises the cap, and starts over next month", async () => {
    clock.set(TEST_NOW);
    const employerId = await h.orgId("Valley Medical Center");
    const asks = await proposals("Valley Medical Center", 7);
    for (const m of asks.slice(0, 4))
      expect((await post(h, T.coordinator, `/api/matches/${m.id}/approve`)).statusCode).toBe(200);

    const fifth = await post(h, T.coordinator, `/api/matches/${asks[4]!.id}/approve`);
    expect(fifth.statusCode).toBe(422);
    expect(fifth.json()).toMatchObject({ type: "https://bridgework.dev/problems/ask-limit-reached", status: 422 });
    expect(fifth.json().detail).toContain("Valley Medical Center");
    // The approval queue shows the employer is full before anyone clicks.
    const queue = (await get(h, T.coordinator, "/api/matches?status=proposed")).json().items;
    expect(queue.find((m: { id: string }) => m.id === asks[4]!.id)).toMatchObject({
      askCapReached: true,
      employerName: "Valley Medical Center",
    });

    const raised = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${employerId}`,
      headers: await h.as(T.intermediary),
      payload: { askCapPerMonth: 5 },
    });
    expect(raised.statusCode).toBe(200);
    expect((await post(h, T.coordinator, `/api/matches/${asks[4]!.id}/approve`)).json()).toMatchObject({
      status: "approved",
      askCapReached: true,
    });
    expect((await post(h, T.intermediary, `/api/matches/${asks[5]!.id}/approve`)).statusCode).toBe(422);

    clock.set(new Date("2031-04-01T00:00:00Z"));
    expect((await post(h, T.coordinator, `/api/matches/${asks[5]!.id}/approve`)).json()).toMatchObject({
      status: "approved",
      askCapReached: false,
    });
    const approved = await h.db.db
      .select()
      .from(matches)
      .where(and(eq(matches.employerId, employerId), isNotNull(matches.approvedAt)));
    expect(
      approved.filter((m) => m.approvedAt! >= monthOf(TEST_NOW).start && m.approvedAt! < monthOf(TEST_NOW).end),
    ).toHaveLength(5);
  });

  it("applies to a match a coordinator creates directly", async () => {
    clock.set(TEST_NOW);
    for (let i = 0; i < 4; i++) {
      const opportunity = await insertOpportunity(h, { employer: "Sierra Builders" });
      await createMatchVia(h, T.coordinator, (await insertRequest(h)).id, opportunity.id);
    }
    const opportunity = await insertOpportunity(h, { employer: "Sierra Builders" });
    const res = await post(h, T.coordinator, "/api/matches", {
      requestId: (await insertRequest(h)).id,
      opportunityId: opportunity.id,
      seats: 1,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().type).toBe("https://bridgework.dev/problems/ask-limit-reached");
    // A teacher's proposal is not an ask yet: it goes in and waits for the next month or a higher cap.
    expect(
      (
        await post(h, T.teacher, "/api/matches", {
          requestId: (await insertRequest(h)).id,
          opportunityId: opportunity.id,
          seats: 1,
        })
      ).statusCode,
    ).toBe(201);
  });

  it("never lets simultaneous approvals pass the cap", async () => {
    clock.set(TEST_NOW);
    const asks = await proposals("Pixel Orchard Software", 8);
    const auth = await h.as(T.coordinator);
    const results = await Promise.all(
      asks.map((m) => h.app.inject({ method: "POST", url: `/api/matches/${m.id}/approve`, headers: auth })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 200, 422, 422, 422, 422]);
  });

  it("has no limit when the cap is null", async () => {
    clock.set(TEST_NOW);
    const employerId = await h.orgId("Central Valley Ag Co-op");
    await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${employerId}`,
      headers: await h.as(T.intermediary),
      payload: { askCapPerMonth: null },
    });
    for (const m of await proposals("Central Valley Ag Co-op", 6))
      expect((await post(h, T.coordinator, `/api/matches/${m.id}/approve`)).statusCode).toBe(200);
  });
});
