import { auditLog, organizations, pathways, users } from "@bridgework/db";
import { count } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const DEMO = {
  teacher: "teacher@valley.example",
  coordinator: "coordinator@valley.example",
  employer: "employer@valley.example",
  intermediary: "intermediary@valley.example",
} as const;

/**
 * Each route with the roles that may never call it. Requests carry a valid body so the refusal
 * is about the role, not the input. Later features add their routes here.
 */
const refusals: Array<{ route: string; refused: Array<keyof typeof DEMO>; request: () => Promise<InjectOptions> }> = [
  {
    route: "POST /api/organizations",
    refused: ["teacher", "coordinator", "employer"],
    request: async () => ({ method: "POST", url: "/api/organizations", payload: { type: "employer", name: `Refused Employer ${Math.random()}` } }),
  },
  {
    route: "PATCH /api/organizations/:id",
    refused: ["teacher", "coordinator", "employer"],
    request: async () => ({ method: "PATCH", url: `/api/organizations/${await h.orgId("Valley Medical Center")}`, payload: { askCapPerMonth: 99 } }),
  },
  {
    route: "POST /api/users",
    refused: ["teacher"],
    request: async () => ({ method: "POST", url: "/api/users", payload: { email: "refused@valley.example", name: "Refused", role: "teacher", organizationId: await h.orgId("Valley High") } }),
  },
  { route: "GET /api/users", refused: ["teacher"], request: async () => ({ method: "GET", url: "/api/users" }) },
  {
    route: "POST /api/pathways",
    refused: ["teacher", "employer"],
    request: async () => ({ method: "POST", url: "/api/pathways", payload: { name: "Refused Pathway", sector: "Public Services", schoolId: await h.orgId("Valley High") } }),
  },
  { route: "GET /api/audit", refused: ["teacher", "employer"], request: async () => ({ method: "GET", url: "/api/audit" }) },
];

const cases = refusals.flatMap(({ route, refused, request }) => refused.map((role) => ({ route, role, request })));

async function rowCounts() {
  const tables = { organizations, users, pathways, auditLog };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await h.db.db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe("roles", () => {
  it.each(cases)("refuses a $role on $route with 403 forbidden and changes nothing", async ({ role, request }) => {
    const before = await rowCounts();
    const res = await h.app.inject({ ...(await request()), headers: await h.as(DEMO[role]) });
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ type: "https://bridgework.dev/problems/forbidden", status: 403 });
    expect(await rowCounts()).toEqual(before);
    const employer = await h.app.inject({ method: "GET", url: `/api/organizations/${await h.orgId("Valley Medical Center")}`, headers: await h.as(DEMO.intermediary) });
    expect(employer.json().askCapPerMonth).not.toBe(99);
  });

  it.each(refusals)("lets an intermediary call $route", async ({ request }) => {
    const res = await h.app.inject({ ...(await request()), headers: await h.as(DEMO.intermediary) });
    expect([200, 201]).toContain(res.statusCode);
  });

  it.each(refusals)("refuses $route without a login with 401", async ({ request }) => {
    const res = await h.app.inject(await request());
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe("https://bridgework.dev/problems/unauthenticated");
  });
});
