import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
let auth: { authorization: string };
beforeAll(async () => {
  h = await createHarness();
  auth = await h.as("intermediary@valley.example");
});
afterAll(() => h.close());

const create = (payload: Record<string, unknown>) =>
  h.app.inject({ method: "POST", url: "/api/organizations", headers: auth, payload });
const patch = async (name: string, payload: Record<string, unknown>) =>
  h.app.inject({ method: "PATCH", url: `/api/organizations/${await h.orgId(name)}`, headers: auth, payload });
const auditOf = async (id: string) =>
  (await h.app.inject({ method: "GET", url: `/api/audit?entityId=${id}`, headers: auth })).json().items as Array<{
    action: string;
    actor: { name: string };
  }>;

describe("organizations", () => {
  it("creates an employer with the default ask cap of 4 per month, and audits who did it", async () => {
    const res = await create({
      type: "employer",
      name: "Kings River Solar Cooperative",
      sectors: ["Energy, Environment, and Utilities"],
      address: { city: "Fresno", postalCode: "93721" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: "employer",
      name: "Kings River Solar Cooperative",
      askCapPerMonth: 4,
      parentId: null,
      address: { city: "Fresno", postalCode: "93721" },
    });
    expect(await auditOf(res.json().id)).toEqual([
      expect.objectContaining({ action: "create", actor: expect.objectContaining({ name: "Irene Alvarez" }) }),
    ]);
  });

  it("creates a school under a district of the region", async () => {
    const res = await create({ type: "school", name: "Northside High", parentId: await h.orgId("Valley Unified") });
    expect(res.statusCode).toBe(201);
    expect(res.json().parentId).toBe(await h.orgId("Valley Unified"));
  });

  it.each([
    { what: "a school without a district", type: "school", parent: null },
    { what: "a school whose parent is not a district", type: "school", parent: "Valley Medical Center" },
    { what: "a district with a parent", type: "district", parent: "Valley Unified" },
  ])("refuses $what with a validation error on parentId", async ({ type, parent }) => {
    const res = await create({
      type,
      name: "Misplaced Organization",
      ...(parent ? { parentId: await h.orgId(parent) } : {}),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "parentId" })]);
  });

  it("answers 409 duplicate for a second organization of the same type and name", async () => {
    const res = await create({ type: "employer", name: "Valley Medical Center" });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe("https://bridgework.dev/problems/duplicate");
  });

  it("lets the intermediary set an employer's ask cap, or lift it with null", async () => {
    expect((await patch("Sierra Builders", { askCapPerMonth: 2 })).json().askCapPerMonth).toBe(2);
    expect((await patch("Sierra Builders", { askCapPerMonth: null })).json().askCapPerMonth).toBeNull();
  });

  it("refuses an ask cap on an organization that is not an employer", async () => {
    const res = await patch("Valley High", { askCapPerMonth: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "askCapPerMonth" })]);
  });

  it("answers an empty PATCH with the organization unchanged", async () => {
    const before = (
      await h.app.inject({
        method: "GET",
        url: `/api/organizations/${await h.orgId("Pixel Orchard Software")}`,
        headers: auth,
      })
    ).json();
    const res = await patch("Pixel Orchard Software", {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(before);
  });

  it("lists the region's organizations for every role, filtered by type and name", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/organizations?type=school&q=high",
      headers: await h.as("teacher@valley.example"),
    });
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as Array<{ name: string; type: string }>).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(["Valley High", "Eastside High", "Riverbend High"]));
    expect(res.json().items.every((o: { type: string }) => o.type === "school")).toBe(true);
  });

  it("treats % and _ in the name search as plain characters", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/organizations?q=%25", headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });
});
