import { auditLog, insuranceCertificates } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

// A fixed day so "expiring within 30 days" is exact.
const clock = manualClock(new Date("2030-03-01T18:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const certificate = (expiresOn: string) => ({
  carrier: "Golden State Mutual",
  policyNumber: "GL-7781",
  coverageAmount: 1_000_000,
  expiresOn,
});
const record = async (employer: string, as: string, expiresOn: string) =>
  h.app.inject({
    method: "POST",
    url: `/api/organizations/${await h.orgId(employer)}/insurance`,
    headers: await h.as(as),
    payload: certificate(expiresOn),
  });
const list = async (as: string) =>
  h.app.inject({ method: "GET", url: "/api/insurance?pageSize=100", headers: await h.as(as) });

describe("recording an employer's certificate of insurance", () => {
  it("lets the intermediary record one for any employer of its region (201, audited)", async () => {
    const res = await record("Sierra Builders", "intermediary@valley.example", "2031-01-31");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      employerId: await h.orgId("Sierra Builders"),
      carrier: "Golden State Mutual",
      coverageAmount: 1_000_000,
      expiresOn: "2031-01-31",
      status: "valid",
    });
    const [audit] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "insurance_certificate"), eq(auditLog.entityId, res.json().id)));
    expect(audit).toMatchObject({ action: "create", actorUserId: await h.userId("intermediary@valley.example") });
  });

  it("lets an employer record its own (201) but answers 404 for another employer's", async () => {
    expect((await record("Valley Medical Center", "employer@valley.example", "2030-03-20")).statusCode).toBe(201);
    expect((await record("Sierra Builders", "employer@valley.example", "2031-01-31")).statusCode).toBe(404);
  });

  it.each(["coordinator@valley.example", "teacher@valley.example"])("refuses %s with 403", async (email) => {
    expect((await record("Sierra Builders", email, "2031-01-31")).statusCode).toBe(403);
  });

  it("answers 404 for another region's employer and for an organization that is not an employer", async () => {
    expect((await record("Harbor Marine Lab", "intermediary@valley.example", "2031-01-31")).statusCode).toBe(404);
    expect((await record("Valley High", "intermediary@valley.example", "2031-01-31")).statusCode).toBe(404);
    expect((await record("Valley Medical Center", "intermediary@coast.example", "2031-01-31")).statusCode).toBe(404);
  });

  it("refuses a bad certificate with 400 naming the fields", async () => {
    const res = await h.app.inject({
      method: "POST",
      url: `/api/organizations/${await h.orgId("Sierra Builders")}/insurance`,
      headers: await h.as("intermediary@valley.example"),
      payload: { carrier: "", policyNumber: "X", coverageAmount: -5, expiresOn: "soon" },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["carrier", "coverageAmount", "expiresOn"]);
  });
});

describe("the insurance overview", () => {
  it("lists every employer of the region with its latest certificate: valid, expiring within 30 days, expired or missing", async () => {
    await record("Pixel Orchard Software", "intermediary@valley.example", "2030-02-28");
    await record("Central Valley Ag Co-op", "intermediary@valley.example", "2030-01-01");
    // Re-recorded: the newest record wins, even though it expires sooner than the first.
    await record("Central Valley Ag Co-op", "intermediary@valley.example", "2030-03-31");
    const res = await list("coordinator@valley.example");
    expect(res.statusCode).toBe(200);
    const byName = new Map(res.json().items.map((i: { employerName: string }) => [i.employerName, i]));
    expect(byName.get("Sierra Builders")).toMatchObject({ status: "valid", certificate: { expiresOn: "2031-01-31" } });
    expect(byName.get("Valley Medical Center")).toMatchObject({
      status: "expiring",
      certificate: { expiresOn: "2030-03-20" },
    });
    expect(byName.get("Central Valley Ag Co-op")).toMatchObject({
      status: "expiring",
      certificate: { expiresOn: "2030-03-31" },
    });
    expect(byName.get("Pixel Orchard Software")).toMatchObject({ status: "expired" });
    const uninsured = res.json().items.find((i: { certificate: unknown }) => i.certificate === null);
    expect(uninsured).toMatchObject({ status: "missing" });
    expect(byName.has("Harbor Marine Lab")).toBe(false);
    expect(await h.db.db.$count(insuranceCertificates)).toBeGreaterThanOrEqual(5);
  });

  it.each(["employer@valley.example", "teacher@valley.example"])("refuses %s with 403", async (email) => {
    expect((await list(email)).statusCode).toBe(403);
  });

  it("shows Coast only Coast's employers", async () => {
    const res = await list("intermediary@coast.example");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { employerName: string }) => i.employerName)).not.toContain(
      "Valley Medical Center",
    );
  });
});
