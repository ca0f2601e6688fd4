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
