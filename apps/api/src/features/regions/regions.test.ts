import { auditLog, regions } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const patch = async (email: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: "PATCH", url: "/api/region", headers: await h.as(email), payload });
const zoneOf = async (name: string) =>
  (await h.db.db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.name, name)))[0]!.timeZone;

describe("GET /api/region", () => {
  it.each(["intermediary", "coordinator", "teacher", "employer"])(
    "shows a %s their own region with its time zone",
    async (role) => {
      const res = await h.app.inject({
        method: "GET",
        url: "/api/region",
        headers: await h.as(`${role}@valley.example`),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: "Valley", timeZone: "America/Los_Angeles" });
    },
  );

  it("refuses a request without a session (401)", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/region" })).statusCode).toBe(401);
  });
});

describe("PATCH /api/region", () => {
  it("lets the intermediary set an IANA zone, spelled canonically, audited with the old and new zone", async () => {
    const res = await patch("intermediary@coast.example", { timeZone: "america/new_york" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Coast", timeZone: "America/New_York" });
    expect(await zoneOf("Coast")).toBe("America/New_York");
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "region"), eq(auditLog.entityId, res.json().id)));
    expect(row).toMatchObject({
      action: "update",
      details: { timeZone: { from: "America/Los_Angeles", to: "America/New_York" } },
    });
    const me = await h.app.inject({ method: "GET", url: "/api/me", headers: await h.as("teacher@coast.example") });
    expect(me.json().region).toEqual({ id: res.json().id, name: "Coast", timeZone: "America/New_York" });
  });

  it.each(["Mars/Olympus_Mons", "PST", "+01:00", "America/Los Angeles"])(
    "refuses %j with 422 and an error on timeZone, changing nothing",
    async (timeZone) => {
      const before = await zoneOf("Valley");
      const res = await patch("intermediary@valley.example", { timeZone });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        type: "https://bridgework.dev/problems/unknown-time-zone",
        errors: [{ path: "timeZone" }],
      });
      expect(await zoneOf("Valley")).toBe(before);
    },
  );

  it("refuses a missing zone with 400 validation on timeZone", async () => {
    const res = await patch("intermediary@valley.example", {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "timeZone" })]);
  });

  it.each(["coordinator", "teacher", "employer"])("refuses a %s with 403 and leaves the zone alone", async (role) => {
    const res = await patch(`${role}@valley.example`, { timeZone: "America/Chicago" });
    expect(res.statusCode).toBe(403);
    expect(await zoneOf("Valley")).toBe("America/Los_Angeles");
  });

  it("changes only the caller's region: Valley's intermediary cannot touch Coast", async () => {
    const coast = await zoneOf("Coast");
    expect((await patch("intermediary@valley.example", { timeZone: "America/Denver" })).statusCode).toBe(200);
    expect(await zoneOf("Valley")).toBe("America/Denver");
    expect(await zoneOf("Coast")).toBe(coast);
    await patch("intermediary@valley.example", { timeZone: "America/Los_Angeles" });
  });
});
