import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("security headers", () => {
  it.each([
    ["a public route", "/api/health", 200],
    ["an error answer", "/api/users", 401],
    ["an unknown path", "/api/no-such-thing", 404],
  ])("are on %s (%s)", async (_what, url, status) => {
    const res = await h.app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(status);
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("Cache-Control: no-store on every API answer (they may carry personal data)", () => {
  it.each([
    ["GET", "/api/me", 200],
    ["GET", "/api/placements", 200],
    ["GET", "/api/students?q=a", 200],
    ["GET", "/api/audit", 200],
    ["GET", "/api/calendar?from=2031-01-01&to=2031-01-31", 200],
    ["GET", "/api/students/export.csv", 200],
    ["GET", "/api/students/00000000-0000-4000-8000-000000000000", 404],
    ["POST", "/api/students", 400],
  ])("on %s %s (%s) as a coordinator", async (method, url, status) => {
    const res = await h.app.inject({
      method: method as "GET" | "POST",
      url,
      headers: await h.as("coordinator@valley.example"),
      payload: method === "POST" ? {} : undefined,
    });
    expect(res.statusCode).toBe(status);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it.each([
    [
      "the login answer (it carries a token)",
      "POST",
      "/api/auth/login",
      { email: "teacher@valley.example", password: "bridgework-demo" },
      200,
    ],
    [
      "a refused login",
      "POST",
      "/api/auth/login",
      { email: "teacher@valley.example", password: "wrong-password-1" },
      401,
    ],
    ["the health check", "GET", "/api/health", undefined, 200],
    ["an unauthenticated call", "GET", "/api/users", undefined, 401],
    ["an unknown API path", "GET", "/api/no-such-thing", undefined, 404],
  ])("on %s", async (_what, method, url, payload, status) => {
    const res = await h.app.inject({ method: method as "GET" | "POST", url, payload });
    expect(res.statusCode).toBe(status);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("keeps a route's stricter value and replaces a looser one: the calendar feed is private, no-store", async () => {
    const created = await h.app.inject({
      method: "POST",
      url: "/api/me/calendar-feed",
      headers: await h.as("teacher@valley.example"),
    });
    expect(created.statusCode).toBe(201);
    const feed = await h.app.inject({ method: "GET", url: new URL(created.json().url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["cache-control"]).toBe("private, no-store");
  });

  it.each(["/api/openapi.json", "/api/docs/"])("leaves the public documentation cacheable (%s)", async (url) => {
    const res = await h.app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["cache-control"] ?? "")).not.toContain("no-store");
  });
});
