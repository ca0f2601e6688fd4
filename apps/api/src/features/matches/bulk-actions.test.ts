import { auditLog } from "@bridgework/db";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity as insertPlacementOpportunity,
  insertStudent,
  placementBody,
  signEverything,
  signTokens,
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

const clock = manualClock(TEST_NOW);
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

async function proposal() {
  const opportunity = await insertOpportunity(h);
  const request = await insertRequest(h);
  return createMatchVia(h, T.teacher, request.id, opportunity.id);
}

describe("approving several proposals at once", () => {
  it("approves each proposal and reports each outcome", async () => {
    const a = await proposal();
    const b = await proposal();
    const res = await post(h, T.coordinator, "/api/matches/approve", { ids: [a.id, b.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      succeeded: 2,
      failed: 0,
      results: [
        { id: a.id, ok: true },
        { id: b.id, ok: true },
      ],
    });
    for (const m of [a, b])
      expect((await get(h, T.coordinator, `/api/matches/${m.id}`)).json().status).toBe("approved");
  });

  it("goes ahead with the others when one item fails, naming each item's problem in the reader's language", async () => {
    const good = await proposal();
    const already = await proposal();
    expect((await post(h, T.coordinator, `/api/matches/${already.id}/approve`)).statusCode).toBe(200);
    const missing = "00000000-0000-4000-8000-000000000000";
    const res = await h.app.inject({
      method: "POST",
      url: "/api/matches/approve",
      headers: { ...(await h.as(T.coordinator)), "accept-language": "es" },
      payload: { ids: [already.id, good.id, missing] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 1, failed: 2 });
    expect(body.results[0]).toMatchObject({
      id: already.id,
      ok: false,
      problem: { status: 409, type: "https://bridgework.dev/problems/invalid-transition" },
    });
    expect(body.results[1]).toEqual({ id: good.id, ok: true });
    expect(body.results[2]).toMatchObject({ id: missing, ok: false, problem: { status: 404 } });
    expect(body.results[0].problem.title).toBe("Conflicto");
  });

  it("refuses teachers (403), an empty list and repeated ids (400)", async () => {
    const a = await proposal();
    expect((await post(h, T.teacher, "/api/matches/approve", { ids: [a.id] })).statusCode).toBe(403);
    expect((await post(h, T.coordinator, "/api/matches/approve", { ids: [] })).statusCode).toBe(400);
    const twice = await post(h, T.coordinator, "/api/matches/approve", { ids: [a.id, a.id] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ path: "ids" });
    expect((await get(h, T.coordinator, `/api/matches/${a.id}`)).json().status).toBe("proposed");
  });

  it("answers 404 per item for another region's proposal", async () => {
    const a = await proposal();
    const res = await post(h, T.coastCoordinator, "/api/matches/approve", { ids: [a.id] });
    expect(res.json()).toMatchObject({
      succeeded: 0,
      failed: 1,
      results: [{ id: a.id, ok: false, problem: { status: 404 } }],
    });
  });
});

describe("resending several placements' paperwork at once", () => {
  async function placement() {
    const student = await insertStudent(h);
    const opportunity = await insertPlacementOpportunity(h);
    const res = await createPlacement(h, placementBody(student.id, opportunity));
    expect(res.statusCode).toBe(201);
    return { ...res.json(), student };
  }

  it("sends fresh links for each placement with unsigned paperwork and reports 409 for one that is all signed", async () => {
    const a = await placement();
    const b = await placement();
    const signed = await placement();
    await signEverything(h, signed);
    const before = (await signTokens(h, a.student.guardianEmail)).length;
    const res = await post(h, T.coordinator, "/api/placements/paperwork/resend", { ids: [a.id, signed.id, b.id] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(body.results[1].problem).toMatchObject({ status: 409 });
    expect((await signTokens(h, a.student.guardianEmail)).length).toBe(before + 1);
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [a.id, b.id]));
    expect(audits.filter((r) => r.action === "resend")).toHaveLength(2);
  });

  it("refuses teachers", async () => {
    const a = await placement();
    expect((await post(h, T.teacher, "/api/placements/paperwork/resend", { ids: [a.id] })).statusCode).toBe(403);
  });
});
