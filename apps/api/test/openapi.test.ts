import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: false });
});
afterAll(() => h.close());

/** The foundation's routes, as OpenAPI paths with their methods. Later features add theirs to the document. */
const FOUNDATION_ROUTES: Record<string, string[]> = {
  "/api/auth/login": ["post"],
  "/api/auth/refresh": ["post"],
  "/api/auth/logout": ["post"],
  "/api/me": ["get"],
  "/api/organizations": ["get", "post"],
  "/api/organizations/{id}": ["get", "patch"],
  "/api/users": ["get", "post"],
  "/api/invitations/{token}": ["get"],
  "/api/invitations/{token}/accept": ["post"],
  "/api/pathways": ["get", "post"],
  "/api/audit": ["get"],
  "/api/health": ["get"],
  "/api/dev/mailbox": ["get"],
};

describe("API documentation", () => {
  it("serves a valid OpenAPI 3.1 document at /api/openapi.json, without logging in", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("lists every foundation route with its methods, and hides its own plumbing", async () => {
    const spec = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    for (const [path, methods] of Object.entries(FOUNDATION_ROUTES)) {
      expect(Object.keys(spec.paths[path] ?? {}), path).toEqual(expect.arrayContaining(methods));
    }
    expect(spec.paths["/api/openapi.json"]).toBeUndefined();
  });

  it("describes request bodies and responses from the route schemas", async () => {
    const spec = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const login = spec.paths["/api/auth/login"].post;
    expect(Object.keys(login.requestBody.content)).toContain("application/json");
    expect(JSON.stringify(login.requestBody.content["application/json"].schema)).toContain("password");
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "429"]));
    const orgs = spec.paths["/api/organizations/{id}"].get;
    expect(orgs.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "id", in: "path", required: true })]),
    );
  });

  it("marks public routes as needing no login and every other route as needing a bearer token", async () => {
    const spec = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.security).toEqual([{ bearer: [] }]);
    const pub = [
      "/api/auth/login",
      "/api/auth/refresh",
      "/api/auth/logout",
      "/api/invitations/{token}",
      "/api/invitations/{token}/accept",
      "/api/health",
      "/api/dev/mailbox",
    ];
    for (const [path, methods] of Object.entries(FOUNDATION_ROUTES)) {
      for (const method of methods) {
        const security = spec.paths[path][method].security;
        if (pub.includes(path)) expect(security, `${method} ${path}`).toEqual([]);
        else expect(security, `${method} ${path}`).toBeUndefined();
      }
    }
  });

  it("serves browsable docs as HTML at /api/docs", async () => {
    let res = await h.app.inject({ method: "GET", url: "/api/docs" });
    if (res.statusCode >= 300 && res.statusCode < 400)
      res = await h.app.inject({ method: "GET", url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toMatch(/<html/i);
  });
});
