import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../harness.ts";
import { ACCESS_TABLE } from "./access-table.ts";
import { registeredRoutes } from "./route-list.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: false });
});
afterAll(() => h.close());

describe("authorization table", () => {
  it("has an entry for every route the API registers", () => {
    const listed = new Set(ACCESS_TABLE.map((e) => e.route));
    const missing = registeredRoutes(h.app).filter((route) => !listed.has(route));
    expect(missing, "routes without an entry in test/security/access-*.ts: say who may call them").toEqual([]);
  });

  it("names only routes that exist, each once", () => {
    const registered = new Set(registeredRoutes(h.app));
    expect(
      ACCESS_TABLE.map((e) => e.route).filter((route) => !registered.has(route)),
      "entries for routes that no longer exist",
    ).toEqual([]);
    const routes = ACCESS_TABLE.map((e) => e.route);
    expect(routes.filter((route, i) => routes.indexOf(route) !== i)).toEqual([]);
  });

  it("reads the route list Fastify registered (a sample of nested and parameter routes)", () => {
    expect(registeredRoutes(h.app)).toEqual(
      expect.arrayContaining([
        "GET /api/placements/:id",
        "POST /api/placements/:id/documents/:documentId/resend",
        "GET /api/students/imports/:id",
        "GET /api/students/import-template.csv",
        "GET /api/reports/placements.csv",
      ]),
    );
  });
});
