import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, DEMO_PASSWORD, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock(new Date("2026-03-02T09:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const login = (email: string, password: string, ip: string) =>
  h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

function expectRateLimited(res: Awaited<ReturnType<typeof login>>, retryAfterSeconds: number) {
  expect(res.statusCode).toBe(429);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.headers["retry-after"]).toBe(String(retryAfterSeconds));
  expect(res.json()).toMatchObject({ type: "https://bridgework.dev/problems/rate-limited", status: 429 });
  expect(res.json()).not.toHaveProperty("accessToken");
  expect(res.cookies.find((c) => c.name === "bw_refresh")).toBeUndefined();
}

describe("failed logins per account", () => {
  it("refuses the 6th attempt within 15 minutes with 429 and Retry-After, even with the right password", async () => {
    // Different IPs and letter case: the account limit follows the account, not the address or spelling.
    for (const [i, email] of ["teacher@valley.example", "Teacher@valley.example", "TEACHER@VALLEY.EXAMPLE", "teacher@valley.example", "teacher@Valley.Example"].entries()) {
      expect((await login(email, "wrong-password", `10.20.${i}.1`)).statusCode).toBe(401);
    }
    expectRateLimited(await login("teacher@valley.example", DEMO_PASSWORD, "10.20.9.9"), 15 * 60);
  });

  it("keeps refusing until the window has passed, counting down Retry-After", async () => {
    clock.advance(14 * 60_000);
    expectRateLimited(await login("teacher@valley.example", DEMO_PASSWORD, "10.20.9.9"), 60);
  });

  it("lets the account log in again once 15 minutes have passed since the failures", async () => {
    clock.advance(60_000);
    const res = await login("teacher@valley.example", DEMO_PASSWORD, "10.20.9.9");
    expect(res.statusCode).toBe(200);
    expect(res.json().accessToken).toEqual(expect.any(String));
  });

  it("does not lock out other accounts", async () => {
    for (let i = 0; i < 5; i++) await login("employer@valley.example", "wrong-password", `10.21.${i}.1`);
    expect((await login("coordinator@valley.example", DEMO_PASSWORD, "10.21.0.1")).statusCode).toBe(200);
    expect((await login("employer@valley.example", DEMO_PASSWORD, "10.21.9.1")).statusCode).toBe(429);
  });

  it("checks at most 5 passwords of a burst of 20 parallel guesses at one account", async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login("builder@valley.example", `guess-${i}`, `10.23.${i}.1`)));
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it("does not count successful logins as failures", async () => {
    for (let i = 0; i < 7; i++) expect((await login("intermediary@valley.example", DEMO_PASSWORD, `10.22.${i}.1`)).statusCode).toBe(200);
  });
});

describe("failed logins per IP", () => {
  it("refuses the 31st attempt within a minute from one IP across different emails, then lets it in after a minute", async () => {
    clock.advance(60 * 60_000);
    const ip = "10.30.0.1";
    for (let i = 0; i < 30; i++) {
      expect((await login(`nobody${i}@valley.example`, "wrong-password", ip)).statusCode).toBe(401);
    }
    expectRateLimited(await login("coordinator@coast.example", DEMO_PASSWORD, ip), 60);
    // Another address is not affected.
    expect((await login("coordinator@coast.example", DEMO_PASSWORD, "10.30.0.2")).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await login("coordinator@coast.example", DEMO_PASSWORD, ip)).statusCode).toBe(200);
  });
});
