import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
const ids: Record<string, string> = {};

async function ask(email: string, key: string, over: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/requests",
    headers: await h.as(email),
    payload: {
      kind: "guest_speaker",
      sector: "Health Science and Medical Technology",
      students: 25,
      gradeLevels: [11],
      windowStart: "2027-01-10",
      windowEnd: "2027-02-10",
      modality: "in_person",
      ...over,
    },
  });
  expect(res.statusCode).toBe(201);
  ids[key] = res.json().id;
}

beforeAll(async () => {
  h = await createHarness();
  await ask("teacher@valley.example", "valleySpeaker");
  await ask("teacher@valley.example", "valleyTour", { kind: "industry_tour" });
  await ask("coordinator@valley.example", "valleyByCoordinator", {
    schoolId: await h.orgId("Valley High"),
    kind: "job_shadow",
  });
  await ask("teacher2@valley.example", "eastside", {
    kind: "industry_tour",
    sector: "Building and Construction Trades",
  });
  await ask("coordinator@riverbend.example", "riverbend", {
    schoolId: await h.orgId("Riverbend High"),
    sector: "Agriculture and Natural Resources",
  });
  await ask("coordinator@coast.example", "coast", { schoolId: await h.orgId("Coast High") });
  await h.app.inject({
    method: "POST",
    url: `/api/requests/${ids.valleyTour}/cancel`,
    headers: await h.as("teacher@valley.example"),
  });
});
afterAll(() => h.close());

type Page = {
  items: { id: string; schoolName: string; status: string }[];
  total: number;
  page: number;
  pageSize: number;
};
async function list(email: string, query = ""): Promise<Page> {
  const res = await h.app.inject({ method: "GET", url: `/api/requests${query}`, headers: await h.as(email) });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const keys = (page: Page) => page.items.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));
const get = async (email: string, key: string) =>
  h.app.inject({ method: "GET", url: `/api/requests/${ids[key]}`, headers: await h.as(email) });

describe("who sees which requests", () => {
  it("shows a teacher their school's requests, newest first", async () => {
    expect(keys(await list("teacher@valley.example"))).toEqual(["valleyByCoordinator", "valleyTour", "valleySpeaker"]);
  });

  it("shows a coordinator every school of their district and nothing of other districts", async () => {
    expect(keys(await list("coordinator@valley.example"))).toEqual([
      "eastside",
      "valleyByCoordinator",
      "valleyTour",
      "valleySpeaker",
    ]);
    expect(keys(await list("coordinator@riverbend.example"))).toEqual(["riverbend"]);
  });

  it("shows the intermediary the whole region and never another region", async () => {
    expect((await list("intermediary@valley.example")).total).toBe(5);
    expect(keys(await list("intermediary@coast.example"))).toEqual(["coast"]);
  });

  it("answers 404 for a request of another school, district or region", async () => {
    expect((await get("teacher2@valley.example", "valleySpeaker")).statusCode).toBe(404);
    expect((await get("coordinator@riverbend.example", "valleySpeaker")).statusCode).toBe(404);
    expect((await get("coordinator@coast.example", "valleySpeaker")).statusCode).toBe(404);
    expect((await get("intermediary@coast.example", "valleySpeaker")).statusCode).toBe(404);
  });

  it("shows one request to the teacher, the coordinator and the intermediary", async () => {
    for (const email of ["teacher@valley.example", "coordinator@valley.example", "intermediary@valley.example"]) {
      const res = await get(email, "valleySpeaker");
      expect(res.statusCode, email).toBe(200);
      expect(res.json()).toMatchObject({ id: ids.valleySpeaker, status: "open", schoolName: "Valley High" });
    }
  });

  it("refuses an employer the list and a request with 403", async () => {
    const headers = await h.as("employer@valley.example");
    expect((await h.app.inject({ method: "GET", url: "/api/requests", headers })).statusCode).toBe(403);
    expect((await get("employer@valley.example", "valleySpeaker")).statusCode).toBe(403);
  });
});

describe("filtering and paging requests", () => {
  it("filters by status, kind, sector and school", async () => {
    const i = "intermediary@valley.example";
    expect(keys(await list(i, "?status=cancelled"))).toEqual(["valleyTour"]);
    expect(keys(await list(i, "?kind=industry_tour&status=open"))).toEqual(["eastside"]);
    expect(keys(await list(i, `?sector=${encodeURIComponent("Agriculture and Natural Resources")}`))).toEqual([
      "riverbend",
    ]);
    expect(keys(await list(i, `?schoolId=${await h.orgId("Eastside High")}`))).toEqual(["eastside"]);
  });

  it("keeps a school filter inside what the person may see", async () => {
    expect((await list("teacher@valley.example", `?schoolId=${await h.orgId("Eastside High")}`)).total).toBe(0);
  });

  it("lists only the requests I made with mine=true", async () => {
    expect(keys(await list("coordinator@valley.example", "?mine=true"))).toEqual(["valleyByCoordinator"]);
    expect(keys(await list("teacher@valley.example", "?mine=true"))).toEqual(["valleyTour", "valleySpeaker"]);
    expect((await list("teacher@valley.example", "?mine=false")).total).toBe(3);
  });

  it("pages with the full total on every page", async () => {
    const i = "intermediary@valley.example";
    const p1 = await list(i, "?pageSize=2");
    const p3 = await list(i, "?pageSize=2&page=3");
    expect(p1).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.items).toHaveLength(2);
    expect(p3).toMatchObject({ total: 5, page: 3 });
    expect(p3.items).toHaveLength(1);
  });

  it("answers a bad filter with 400 naming it", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/requests?status=lost&page=0",
      headers: await h.as("teacher@valley.example"),
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["page", "status"]);
  });
});
