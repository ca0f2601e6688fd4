import { auditLog, requests } from "@bridgework/db";
import { createSweeps } from "@bridgework/worker";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, PUBLIC_URL } from "../../api/test/harness.ts";

/** The worker's expiry sweep over requests made through the API (a test of the composition). */
const sweeps = createSweeps({ publicUrl: PUBLIC_URL });
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
// Each rule is checked against its own requests: the sweep looks at the whole table.
beforeEach(async () => {
  await h.db.db.delete(requests);
  await h.db.db.delete(auditLog).where(eq(auditLog.action, "expire"));
});

async function newRequest(windowEnd: string, status: "open" | "matched" | "cancelled" = "open"): Promise<string> {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/requests",
    headers: await h.as("teacher@valley.example"),
    payload: {
      kind: "guest_speaker",
      sector: "Public Services",
      students: 30,
      gradeLevels: [9],
      windowStart: "2027-04-01",
      windowEnd,
      modality: "virtual",
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  if (status !== "open") await h.db.db.update(requests).set({ status }).where(eq(requests.id, id));
  return id;
}

const expire = (now: Date) => sweeps["expire-requests"]!({ db: h.db.db, now });
const statusOf = async (ids: string[]) =>
  Object.fromEntries(
    (
      await h.db.db.select({ id: requests.id, status: requests.status }).from(requests).where(inArray(requests.id, ids))
    ).map((r) => [r.id, r.status]),
  );

describe("the request expiry sweep", () => {
  it("is one of the sweeps the worker is given", () => {
    expect(sweeps["expire-requests"]).toBeTypeOf("function");
  });

  it("expires only open requests whose window has ended, once, with an audit row each", async () => {
    const ended = await newRequest("2027-04-20");
    const endedYesterday = await newRequest("2027-05-01");
    const endsToday = await newRequest("2027-05-02");
    const later = await newRequest("2027-06-30");
    const matched = await newRequest("2027-04-20", "matched");
    const cancelled = await newRequest("2027-04-20", "cancelled");
    const now = new Date("2027-05-02T18:00:00Z");

    expect(await expire(now)).toBe(2);
    expect(await statusOf([ended, endedYesterday, endsToday, later, matched, cancelled])).toEqual({
      [ended]: "expired",
      [endedYesterday]: "expired",
      [endsToday]: "open",
      [later]: "open",
      [matched]: "matched",
      [cancelled]: "cancelled",
    });
    const res = await h.app.inject({
      method: "GET",
      url: `/api/requests/${ended}`,
      headers: await h.as("teacher@valley.example"),
    });
    expect(res.json().status).toBe("expired");
    const audited = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "expire"), eq(auditLog.entity, "request")));
    expect(audited.map((a) => a.entityId).sort()).toEqual([ended, endedYesterday].sort());
    expect(audited.every((a) => a.actorUserId === null)).toBe(true);

    expect(await expire(now)).toBe(0);
    expect(await h.db.db.select().from(auditLog).where(eq(auditLog.action, "expire"))).toHaveLength(2);
  });

  it("keeps a request open while its last day is still running anywhere (UTC−12)", async () => {
    const id = await newRequest("2027-07-01");
    expect(await expire(new Date("2027-07-02T11:59:00Z"))).toBe(0);
    expect((await statusOf([id]))[id]).toBe("open");
    expect(await expire(new Date("2027-07-02T12:00:00Z"))).toBe(1);
    expect((await statusOf([id]))[id]).toBe("expired");
  });

  it("expires each request once when two sweeps run at the same time", async () => {
    const ids = [await newRequest("2027-08-01"), await newRequest("2027-08-02"), await newRequest("2027-08-03")];
    const now = new Date("2027-08-10T12:00:00Z");
    const counts = await Promise.all([expire(now), expire(now), expire(now)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.values(await statusOf(ids))).toEqual(["expired", "expired", "expired"]);
    expect(await h.db.db.select().from(auditLog).where(eq(auditLog.action, "expire"))).toHaveLength(3);
  });
});
