import { auditLog, opportunities } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const EMPLOYER = "employer@valley.example";

async function draft(over: Record<string, unknown> = {}): Promise<string> {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/opportunities",
    headers: await h.as(EMPLOYER),
    payload: {
      kind: "job_shadow",
      sector: "Health Science and Medical Technology",
      title: "Shadow an ER nurse",
      description: "Four hours beside a charge nurse.",
      modality: "in_person",
      capacity: 4,
      startsAt: "2027-02-01T08:00:00Z",
      endsAt: "2027-02-28T17:00:00Z",
      minAge: 16,
      requirements: ["HIPAA training"],
      paid: true,
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const act = async (email: string, id: string, action: "publish" | "pause" | "close") =>
  h.app.inject({ method: "POST", url: `/api/opportunities/${id}/${action}`, headers: await h.as(email) });
const patch = async (email: string, id: string, payload: object) =>
  h.app.inject({ method: "PATCH", url: `/api/opportunities/${id}`, headers: await h.as(email), payload });
const get = async (email: string, id: string) =>
  h.app.inject({ method: "GET", url: `/api/opportunities/${id}`, headers: await h.as(email) });

describe("opportunity lifecycle", () => {
  it("publishes a draft, pauses it, publishes it again and closes it, auditing each step", async () => {
    const id = await draft();
    const steps = [
      ["publish", "published"],
      ["pause", "paused"],
      ["publish", "published"],
      ["close", "closed"],
    ] as const;
    for (const [action, status] of steps) {
      const res = await act(EMPLOYER, id, action);
      expect(res.statusCode, action).toBe(200);
      expect(res.json()).toMatchObject({ id, status });
    }
    const trail = await h.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "opportunity"), eq(auditLog.entityId, id)))
      .orderBy(auditLog.id);
    expect(trail.map((r) => r.action)).toEqual(["create", "publish", "pause", "publish", "close"]);
  });

  it("lets the intermediary publish and close an employer's opportunity", async () => {
    const id = await draft();
    expect((await act("intermediary@valley.example", id, "publish")).json().status).toBe("published");
    expect((await act("intermediary@valley.example", id, "close")).json().status).toBe("closed");
  });

  it("closes a draft that was never published", async () => {
    expect((await act(EMPLOYER, await draft(), "close")).json().status).toBe("closed");
  });

  it.each([
    ["pause a draft", [], "pause", "draft"],
    ["publish a published opportunity", ["publish"], "publish", "published"],
    ["pause a paused opportunity", ["publish", "pause"], "pause", "paused"],
    ["publish a closed opportunity", ["close"], "publish", "closed"],
    ["pause a closed opportunity", ["publish", "close"], "pause", "closed"],
    ["close a closed opportunity", ["close"], "close", "closed"],
  ] as const)("refuses to %s with 409 invalid-transition", async (_name, before, action, from) => {
    const id = await draft();
    for (const step of before) expect((await act(EMPLOYER, id, step)).statusCode).toBe(200);
    const res = await act(EMPLOYER, id, action);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/invalid-transition",
      detail: expect.stringContaining(`is ${from}`),
    });
    expect((await get(EMPLOYER, id)).json().status).toBe(from);
  });

  it("lets exactly one of two concurrent publishes win", async () => {
    const id = await draft();
    const results = await Promise.all([
      act(EMPLOYER, id, "publish"),
      act("intermediary@valley.example", id, "publish"),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const publishes = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "publish")));
    expect(publishes).toHaveLength(1);
  });
});

describe("editing an opportunity", () => {
  it("changes only the fields sent and re-derives the level from a new kind", async () => {
    const id = await draft();
    const res = await patch(EMPLOYER, id, { title: "Shadow an ICU nurse", kind: "internship", capacity: 6 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: "Shadow an ICU nurse",
      kind: "internship",
      level: "experience",
      capacity: 6,
      seatsLeft: 6,
      description: "Four hours beside a charge nurse.",
      requirements: ["HIPAA training"],
      paid: true,
      minAge: 16,
      startsAt: "2027-02-01T08:00:00.000Z",
    });
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "update")));
    expect(row?.details).toEqual({ fields: expect.arrayContaining(["title", "kind", "capacity"]) });
  });

  it("clears nullable fields sent as null", async () => {
    const id = await draft({ location: { city: "Fresno", postalCode: "93721" } });
    const res = await patch("intermediary@valley.example", id, { location: null, minAge: null, endsAt: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      location: null,
      minAge: null,
      endsAt: null,
      startsAt: "2027-02-01T08:00:00.000Z",
    });
  });

  it("refuses an end date before the stored start date with 400 on endsAt", async () => {
    const id = await draft();
    const res = await patch(EMPLOYER, id, { endsAt: "2027-01-15T08:00:00Z" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "endsAt" })]);
  });

  it("answers bad fields with 400 and their paths", async () => {
    const id = await draft();
    const res = await patch(EMPLOYER, id, { capacity: 0, kind: "field_trip" });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["capacity", "kind"]);
  });

  it("refuses to lower the capacity below the seats already taken with 409 conflict", async () => {
    const id = await draft({ capacity: 10 });
    await h.db.db.update(opportunities).set({ seatsTaken: 7 }).where(eq(opportunities.id, id));
    const res = await patch(EMPLOYER, id, { capacity: 6 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/conflict",
      detail: expect.stringContaining("7 seats are already taken"),
    });
    const ok = await patch(EMPLOYER, id, { capacity: 7 });
    expect(ok.json()).toMatchObject({ capacity: 7, seatsTaken: 7, seatsLeft: 0 });
  });

  it("refuses to edit a closed opportunity with 409 invalid-transition", async () => {
    const id = await draft();
    await act(EMPLOYER, id, "close");
    const res = await patch(EMPLOYER, id, { title: "Reopened somehow" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/invalid-transition",
      detail: "This opportunity is closed and cannot be edited.",
    });
  });

  it("refuses to edit an archived opportunity with 409 invalid-transition", async () => {
    const id = await draft();
    await h.db.db.update(opportunities).set({ status: "archived" }).where(eq(opportunities.id, id));
    expect((await patch("intermediary@valley.example", id, { title: "Back from the archive" })).statusCode).toBe(409);
  });
});

describe("who may touch an opportunity", () => {
  const writes = [
    ["PATCH", "", { title: "Not allowed" }],
    ["POST", "/publish", undefined],
    ["POST", "/pause", undefined],
    ["POST", "/close", undefined],
  ] as const;

  it.each(["teacher@valley.example", "coordinator@valley.example"])(
    "refuses %s every write with 403",
    async (email) => {
      const id = await draft();
      await act(EMPLOYER, id, "publish");
      for (const [method, suffix, payload] of writes) {
        const res = await h.app.inject({
          method,
          url: `/api/opportunities/${id}${suffix}`,
          headers: await h.as(email),
          payload,
        });
        expect(res.statusCode, `${method} ${suffix}`).toBe(403);
      }
      expect((await get(EMPLOYER, id)).json()).toMatchObject({ status: "published", title: "Shadow an ER nurse" });
    },
  );

  it("answers another employer of the region with 404 on read and every write", async () => {
    const id = await draft();
    expect((await get("builder@valley.example", id)).statusCode).toBe(404);
    for (const [method, suffix, payload] of writes) {
      const res = await h.app.inject({
        method,
        url: `/api/opportunities/${id}${suffix}`,
        headers: await h.as("builder@valley.example"),
        payload,
      });
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
  });

  it.each(["intermediary@coast.example", "employer@coast.example"])(
    "answers %s with 404 for a Valley opportunity on GET and every write",
    async (email) => {
      const id = await draft();
      await act(EMPLOYER, id, "publish");
      expect((await get(email, id)).statusCode).toBe(404);
      for (const [method, suffix, payload] of writes) {
        const res = await h.app.inject({
          method,
          url: `/api/opportunities/${id}${suffix}`,
          headers: await h.as(email),
          payload,
        });
        expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      }
      expect((await get(EMPLOYER, id)).json().status).toBe("published");
    },
  );

  it("answers a Coast coordinator with 404 for a published Valley opportunity", async () => {
    const id = await draft();
    await act(EMPLOYER, id, "publish");
    expect((await get("coordinator@coast.example", id)).statusCode).toBe(404);
  });

  it("hides a draft from teachers and coordinators (404) but shows it to the intermediary", async () => {
    const id = await draft();
    expect((await get("teacher@valley.example", id)).statusCode).toBe(404);
    expect((await get("coordinator@valley.example", id)).statusCode).toBe(404);
    expect((await get("intermediary@valley.example", id)).statusCode).toBe(200);
  });

  it("answers a malformed id with 400, not 500", async () => {
    expect((await get(EMPLOYER, "not-a-uuid")).statusCode).toBe(400);
  });
});
