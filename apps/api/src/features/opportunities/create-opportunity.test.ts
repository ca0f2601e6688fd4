import { auditLog } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const tour = (over: Record<string, unknown> = {}) => ({
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  title: "Phlebotomy lab tour",
  description: "Walk through the outpatient lab and meet the phlebotomists.",
  modality: "in_person",
  location: { city: "Fresno", postalCode: "93721" },
  capacity: 20,
  startsAt: "2027-03-10T16:00:00-08:00",
  endsAt: "2027-03-10T18:00:00-08:00",
  requirements: ["Closed-toe shoes"],
  ...over,
});

const post = async (email: string, payload: object) =>
  h.app.inject({ method: "POST", url: "/api/opportunities", headers: await h.as(email), payload });

describe("posting an opportunity", () => {
  it("creates an employer's own opportunity as a draft with its level and seats", async () => {
    const res = await post("employer@valley.example", tour());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      employerId: await h.orgId("Valley Medical Center"),
      employerName: "Valley Medical Center",
      kind: "industry_tour",
      level: "exposure",
      status: "draft",
      capacity: 20,
      seatsTaken: 0,
      seatsLeft: 20,
      location: { city: "Fresno", postalCode: "93721" },
      startsAt: "2027-03-11T00:00:00.000Z",
      requirements: ["Closed-toe shoes"],
      paid: false,
    });
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "opportunity"), eq(auditLog.entityId, res.json().id)));
    expect(row).toMatchObject({ action: "create", actorUserId: await h.userId("employer@valley.example") });
  });

  it("derives the level from the kind, never from the body", async () => {
    const res = await post(
      "employer@valley.example",
      tour({ kind: "internship", title: "Summer lab internship", level: "exposure", location: null }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: "experience", location: null });
  });

  it("lets an intermediary post on behalf of an employer of its region", async () => {
    const sierra = await h.orgId("Sierra Builders");
    const res = await post(
      "intermediary@valley.example",
      tour({
        employerId: sierra,
        sector: "Building and Construction Trades",
        title: "Framing crew job shadow",
        kind: "job_shadow",
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      employerId: sierra,
      employerName: "Sierra Builders",
      level: "engagement",
      status: "draft",
    });
  });

  it("requires an intermediary to name the employer (400 on employerId)", async () => {
    const res = await post("intermediary@valley.example", tour());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "employerId" })]);
  });

  it("answers 404 when an intermediary names another region's employer or an organization that is not an employer", async () => {
    expect(
      (await post("intermediary@valley.example", tour({ employerId: await h.orgId("Harbor Marine Lab") }))).statusCode,
    ).toBe(404);
    expect(
      (await post("intermediary@valley.example", tour({ employerId: await h.orgId("Valley High") }))).statusCode,
    ).toBe(404);
  });

  it("never lets an employer post for another employer (404), whatever the body says", async () => {
    const res = await post("employer@valley.example", tour({ employerId: await h.orgId("Sierra Builders") }));
    expect(res.statusCode).toBe(404);
  });

  it.each(["teacher@valley.example", "coordinator@valley.example"])("refuses %s with 403 forbidden", async (email) => {
    const res = await post(email, tour({ employerId: await h.orgId("Valley Medical Center") }));
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe("https://bridgework.dev/problems/forbidden");
  });

  it("refuses a request without a login with 401", async () => {
    expect((await h.app.inject({ method: "POST", url: "/api/opportunities", payload: tour() })).statusCode).toBe(401);
  });

  it.each([
    ["no seats", { capacity: 0 }, "capacity"],
    ["an end before its start", { startsAt: "2027-03-10T16:00:00Z", endsAt: "2027-03-09T16:00:00Z" }, "endsAt"],
    ["an unknown kind", { kind: "field_trip" }, "kind"],
    ["a bad ZIP code", { location: { city: "Fresno", postalCode: "ABCDE" } }, "location.postalCode"],
  ])("answers %s with 400 and the field's path", async (_name, change, path) => {
    const res = await post("employer@valley.example", tour(change));
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/validation",
      errors: [expect.objectContaining({ path })],
    });
  });
});
