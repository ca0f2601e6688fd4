import { auditLog, pathways, requests } from "@bridgework/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const ask = (over: Record<string, unknown> = {}) => ({
  kind: "guest_speaker",
  sector: "Health Science and Medical Technology",
  students: 28,
  gradeLevels: [10, 11],
  windowStart: "2027-03-01",
  windowEnd: "2027-03-31",
  modality: "in_person",
  notes: "Period 3, Room 114",
  ...over,
});
const post = async (email: string, payload: object) =>
  h.app.inject({ method: "POST", url: "/api/requests", headers: await h.as(email), payload });
const pathwayId = async (name: string) =>
  (await h.db.db.select({ id: pathways.id }).from(pathways).where(eq(pathways.name, name)))[0]!.id;

describe("asking for work-based learning", () => {
  it("files a teacher's request for their own school and district, open, with its level", async () => {
    const health = await pathwayId("Health Science");
    const res = await post("teacher@valley.example", ask({ pathwayId: health }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: "open",
      kind: "guest_speaker",
      level: "exposure",
      schoolId: await h.orgId("Valley High"),
      schoolName: "Valley High",
      pathwayId: health,
      pathwayName: "Health Science",
      requestedBy: { id: await h.userId("teacher@valley.example"), name: "Tanya Nguyen" },
      students: 28,
      gradeLevels: [10, 11],
      windowStart: "2027-03-01",
      windowEnd: "2027-03-31",
      notes: "Period 3, Room 114",
    });
    const [row] = await h.db.db.select().from(requests).where(eq(requests.id, body.id));
    expect(row!.districtId).toBe(await h.orgId("Valley Unified"));
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "request"), eq(auditLog.entityId, body.id)));
    expect(entry).toMatchObject({ action: "create", actorUserId: await h.userId("teacher@valley.example") });
  });

  it("accepts a teacher naming their own school", async () => {
    expect((await post("teacher@valley.example", ask({ schoolId: await h.orgId("Valley High") }))).statusCode).toBe(
      201,
    );
  });

  it("answers 404 when a teacher names another school", async () => {
    const res = await post("teacher@valley.example", ask({ schoolId: await h.orgId("Eastside High") }));
    expect(res.statusCode).toBe(404);
  });

  it("lets a coordinator ask for a school of their district", async () => {
    const res = await post(
      "coordinator@valley.example",
      ask({
        schoolId: await h.orgId("Eastside High"),
        kind: "industry_tour",
        sector: "Building and Construction Trades",
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ schoolName: "Eastside High", requestedBy: { name: "Carlos Mendoza" } });
  });

  it("requires a coordinator to name the school (400 on schoolId)", async () => {
    const res = await post("coordinator@valley.example", ask());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "schoolId" })]);
  });

  it("answers 404 when a coordinator names a school of another district or region, or a non-school", async () => {
    for (const name of ["Riverbend High", "Coast High", "Valley Unified"]) {
      expect((await post("coordinator@valley.example", ask({ schoolId: await h.orgId(name) }))).statusCode, name).toBe(
        404,
      );
    }
  });

  it("lets an intermediary ask for any school of the region but not another region's", async () => {
    const res = await post(
      "intermediary@valley.example",
      ask({
        schoolId: await h.orgId("Riverbend High"),
        kind: "internship",
        sector: "Agriculture and Natural Resources",
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ schoolName: "Riverbend High", level: "experience" });
    const [row] = await h.db.db.select().from(requests).where(eq(requests.id, res.json().id));
    expect(row!.districtId).toBe(await h.orgId("Riverbend Unified"));
    expect((await post("intermediary@valley.example", ask({ schoolId: await h.orgId("Coast High") }))).statusCode).toBe(
      404,
    );
  });

  it("refuses a pathway of another school with 400 on pathwayId", async () => {
    const res = await post(
      "teacher@valley.example",
      ask({ pathwayId: await pathwayId("Residential and Commercial Construction") }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "pathwayId" })]);
    const coast = await post(
      "intermediary@valley.example",
      ask({ schoolId: await h.orgId("Valley High"), pathwayId: await pathwayId("Marine Science") }),
    );
    expect(coast.statusCode).toBe(400);
  });

  it("refuses an employer with 403 forbidden", async () => {
    const res = await post("employer@valley.example", ask({ schoolId: await h.orgId("Valley High") }));
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ["no students", { students: 0 }, "students"],
    ["no grades", { gradeLevels: [] }, "gradeLevels"],
    ["a window that ends before it starts", { windowStart: "2027-04-01", windowEnd: "2027-03-01" }, "windowEnd"],
    ["an unknown kind", { kind: "field_trip" }, "kind"],
    ["a date that is not a date", { windowStart: "March 1" }, "windowStart"],
  ])("answers %s with 400 and the field's path", async (_name, change, path) => {
    const res = await post("teacher@valley.example", ask(change));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/validation",
      errors: expect.arrayContaining([expect.objectContaining({ path })]),
    });
  });
});
