import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const create = async (as: string, school: string, name: string) =>
  h.app.inject({
    method: "POST",
    url: "/api/pathways",
    headers: await h.as(as),
    payload: { name, sector: "Health Science and Medical Technology", schoolId: await h.orgId(school) },
  });

describe("pathways", () => {
  it("lets a coordinator add a pathway to a school of their own district", async () => {
    const res = await create("coordinator@valley.example", "Eastside High", "Patient Care");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Patient Care", schoolId: await h.orgId("Eastside High") });
  });

  it("refuses a coordinator adding a pathway to another district's school with 403", async () => {
    const res = await create("coordinator@valley.example", "Riverbend High", "Patient Care");
    expect(res.statusCode).toBe(403);
  });

  it("refuses a school that is not a school (a district id) with 404", async () => {
    const res = await create("intermediary@valley.example", "Valley Unified", "Misplaced");
    expect(res.statusCode).toBe(404);
  });

  it("answers 409 duplicate for a second pathway of the same name at one school", async () => {
    const res = await create("intermediary@valley.example", "Valley High", "Health Science");
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/duplicate");
  });

  it("lists the region's pathways for a teacher, filtered by school", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: `/api/pathways?schoolId=${await h.orgId("Valley High")}`,
      headers: await h.as("teacher@valley.example"),
    });
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Array<{ name: string }>).map((p) => p.name).sort()).toEqual([
      "Health Science",
      "Software and Systems Development",
    ]);
  });
});
