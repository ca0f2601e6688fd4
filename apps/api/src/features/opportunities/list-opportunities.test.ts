import { opportunities } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
const ids: Record<string, string> = {};

async function post(email: string, key: string, body: Record<string, unknown>, publish = true) {
  const headers = await h.as(email);
  const res = await h.app.inject({
    method: "POST",
    url: "/api/opportunities",
    headers,
    payload: { sector: "Health Science and Medical Technology", modality: "in_person", capacity: 10, ...body },
  });
  expect(res.statusCode).toBe(201);
  ids[key] = res.json().id;
  if (publish)
    expect(
      (await h.app.inject({ method: "POST", url: `/api/opportunities/${ids[key]}/publish`, headers })).statusCode,
    ).toBe(200);
}

beforeAll(async () => {
  h = await createHarness();
  const vmc = "employer@valley.example";
  await post(vmc, "phlebotomy", {
    kind: "industry_tour",
    title: "Phlebotomy lab tour",
    description: "See how blood samples are drawn and processed.",
  });
  await post(vmc, "nursing", {
    kind: "guest_speaker",
    title: "Careers in nursing",
    description: "A nurse practitioner talks about the path from CNA to NP.",
    modality: "virtual",
  });
  await post(vmc, "imaging", {
    kind: "job_shadow",
    title: "Radiology shadow",
    description: "Shadow a technician in the imaging department; phlebotomy is not involved.",
  });
  await post(
    vmc,
    "draft",
    { kind: "industry_tour", title: "Pharmacy tour (draft)", description: "Not ready yet." },
    false,
  );
  await post("builder@valley.example", "framing", {
    kind: "industry_tour",
    sector: "Building and Construction Trades",
    title: "Framing site visit",
    description: "Hard hats provided.",
  });
  await post("employer@coast.example", "coast", {
    kind: "industry_tour",
    sector: "Energy, Environment, and Utilities",
    title: "Phlebotomy at sea",
    description: "Coast only.",
  });
  // Pausing hides it from teachers but not from coordinators.
  await h.app.inject({
    method: "POST",
    url: `/api/opportunities/${ids.framing}/pause`,
    headers: await h.as("builder@valley.example"),
  });
});
afterAll(() => h.close());

async function list(email: string, query = "") {
  const res = await h.app.inject({ method: "GET", url: `/api/opportunities${query}`, headers: await h.as(email) });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: { id: string; title: string; status: string }[];
    total: number;
    page: number;
    pageSize: number;
  };
}
const titles = (page: { items: { title: string }[] }) => page.items.map((o) => o.title);

describe("who sees which opportunities", () => {
  it("shows a teacher only published opportunities of the region", async () => {
    const page = await list("teacher@valley.example");
    expect(page.items.every((o) => o.status === "published")).toBe(true);
    expect(titles(page).sort()).toEqual(["Careers in nursing", "Phlebotomy lab tour", "Radiology shadow"]);
    expect(page.total).toBe(3);
  });

  it("keeps published-only for a teacher even when asking for drafts", async () => {
    expect((await list("teacher@valley.example", "?status=draft")).total).toBe(0);
  });

  it("shows an employer only its own opportunities, drafts included", async () => {
    expect(titles(await list("builder@valley.example"))).toEqual(["Framing site visit"]);
    const own = await list("employer@valley.example");
    expect(own.total).toBe(4);
    expect(titles(own)).toContain("Pharmacy tour (draft)");
  });

  it("shows a coordinator everything but drafts, and the intermediary the whole region", async () => {
    expect(titles(await list("coordinator@valley.example")).sort()).toEqual([
      "Careers in nursing",
      "Framing site visit",
      "Phlebotomy lab tour",
      "Radiology shadow",
    ]);
    expect((await list("intermediary@valley.example")).total).toBe(5);
  });

  it("never shows another region's opportunities", async () => {
    expect(titles(await list("intermediary@coast.example"))).toEqual(["Phlebotomy at sea"]);
    expect(titles(await list("intermediary@valley.example", "?q=phlebotomy"))).not.toContain("Phlebotomy at sea");
  });

  it("lists newest first without a search", async () => {
    expect(titles(await list("teacher@valley.example"))).toEqual([
      "Radiology shadow",
      "Careers in nursing",
      "Phlebotomy lab tour",
    ]);
  });
});

describe("searching and filtering", () => {
  it("finds by a word of the title and ranks a title hit above a description hit", async () => {
    expect(titles(await list("teacher@valley.example", "?q=phlebotomy"))).toEqual([
      "Phlebotomy lab tour",
      "Radiology shadow",
    ]);
  });

  it("finds by stemmed words of the description", async () => {
    expect(titles(await list("teacher@valley.example", "?q=practitioners"))).toEqual(["Careers in nursing"]);
    expect(titles(await list("teacher@valley.example", "?q=blood%20samples"))).toEqual(["Phlebotomy lab tour"]);
  });

  it("understands web-search syntax and never errors on odd input", async () => {
    expect(titles(await list("teacher@valley.example", "?q=phlebotomy%20-radiology"))).toEqual(["Phlebotomy lab tour"]);
    expect((await list("teacher@valley.example", `?q=${encodeURIComponent('"unclosed & | ! ( :*')}`)).total).toBe(0);
    expect((await list("teacher@valley.example", "?q=the")).total).toBe(0);
  });

  it("combines the search with filters", async () => {
    expect(titles(await list("teacher@valley.example", "?q=phlebotomy&kind=job_shadow"))).toEqual(["Radiology shadow"]);
    expect(titles(await list("teacher@valley.example", "?q=phlebotomy&level=exposure"))).toEqual([
      "Phlebotomy lab tour",
    ]);
    expect((await list("teacher@valley.example", "?q=phlebotomy&modality=virtual")).total).toBe(0);
  });

  it("filters by kind, level, sector, modality, status and employer", async () => {
    const vmc = await h.orgId("Valley Medical Center");
    const sierra = await h.orgId("Sierra Builders");
    const i = "intermediary@valley.example";
    expect(titles(await list(i, "?kind=industry_tour")).sort()).toEqual([
      "Framing site visit",
      "Pharmacy tour (draft)",
      "Phlebotomy lab tour",
    ]);
    expect(titles(await list(i, "?level=engagement"))).toEqual(["Radiology shadow"]);
    expect(titles(await list(i, `?sector=${encodeURIComponent("Building and Construction Trades")}`))).toEqual([
      "Framing site visit",
    ]);
    expect(titles(await list(i, "?modality=virtual"))).toEqual(["Careers in nursing"]);
    expect(titles(await list(i, "?status=paused"))).toEqual(["Framing site visit"]);
    expect(titles(await list(i, `?employerId=${sierra}`))).toEqual(["Framing site visit"]);
    expect((await list(i, `?employerId=${vmc}&status=published&kind=industry_tour`)).total).toBe(1);
  });

  it("answers an unknown filter value with 400 naming the parameter", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/opportunities?kind=field_trip&pageSize=500",
      headers: await h.as("teacher@valley.example"),
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["kind", "pageSize"]);
  });
});

describe("pagination", () => {
  it("pages with a stable order and the full total on every page", async () => {
    const i = "intermediary@valley.example";
    const p1 = await list(i, "?pageSize=2&page=1");
    const p2 = await list(i, "?pageSize=2&page=2");
    const p3 = await list(i, "?pageSize=2&page=3");
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 2, 1]);
    expect(p1).toMatchObject({ page: 1, pageSize: 2 });
    const seen = [...p1.items, ...p2.items, ...p3.items].map((o) => o.id);
    expect(new Set(seen).size).toBe(5);
    // Past the end: no rows, and still the total (so a pager can step back).
    expect(await list(i, "?pageSize=2&page=4")).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it("counts only the search hits in the total", async () => {
    const page = await list("teacher@valley.example", "?q=phlebotomy&pageSize=1");
    expect(page).toMatchObject({ total: 2, pageSize: 1 });
    expect(titles(page)).toEqual(["Phlebotomy lab tour"]);
  });

  it("reflects seats in every row", async () => {
    await h.db.db.update(opportunities).set({ seatsTaken: 4 }).where(eq(opportunities.id, ids.phlebotomy!));
    await h.app.regionCache.sync(); // written as another process would: seen once its notification is heard
    const [row] = (await list("teacher@valley.example", "?q=phlebotomy&pageSize=1")).items as unknown as {
      seatsTaken: number;
      seatsLeft: number;
    }[];
    expect(row).toMatchObject({ seatsTaken: 4, seatsLeft: 6 });
  });
});
