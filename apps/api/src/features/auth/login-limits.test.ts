import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, DEMO_PASSWORD, type Harness, manualClock } from "../../../test/harness.ts";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, PAIR_LIMIT } from "../../lib/auth/login-limits.ts";

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

/** `count` wrong passwords for `email`, from `ip(i)`, a few at a time (each is an argon2 check). */
async function failures(email: string, count: number, ip: (i: number) => string) {
  const codes: number[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) => login(email, `wrong-${i + j}`, ip(i + j)));
    codes.push(...(await Promise.all(batch)).map((r) => r.statusCode));
  }
  return codes;
}

/** Moves past every window so each describe starts clean. */
const nextHour = () => clock.advance(ACCOUNT_LIMIT.windowMs + 60_000);

it("has the documented limits", () => {
  expect(PAIR_LIMIT).toEqual({ failures: 5, windowMs: 15 * 60_000 });
  expect(ACCOUNT_LIMIT).toEqual({ failures: 100, windowMs: 60 * 60_000 });
  expect(ADDRESS_LIMIT).toEqual({ failures: 50, windowMs: 15 * 60_000 });
});

describe("failed logins per account and address", () => {
  it("refuses the 6th attempt from one address within 15 minutes with 429 and Retry-After, even with the right password", async () => {
    // Letter case does not make a new account.
    for (const email of [
      "teacher@valley.example",
      "Teacher@valley.example",
      "TEACHER@VALLEY.EXAMPLE",
      "teacher@valley.example",
      "teacher@Valley.Example",
    ]) {
      expect((await login(email, "wrong-password", "10.20.0.1")).statusCode).toBe(401);
    }
    expectRateLimited(await login("teacher@valley.example", DEMO_PASSWORD, "10.20.0.1"), 15 * 60);
  });

  it("keeps refusing that pair until the window has passed, counting down Retry-After", async () => {
    clock.advance(14 * 60_000);
    expectRateLimited(await login("teacher@valley.example", DEMO_PASSWORD, "10.20.0.1"), 60);
  });

  it("lets the account in from that address once 15 minutes have passed since the failures", async () => {
    clock.advance(60_000);
    const res = await login("teacher@valley.example", DEMO_PASSWORD, "10.20.0.1");
    expect(res.statusCode).toBe(200);
    expect(res.json().accessToken).toEqual(expect.any(String));
  });

  it("lets the real user in from their own address while an attacker hammers the account from six others", async () => {
    nextHour();
    // The teacher's usual address (school or home), known from an earlier login.
    expect((await login("teacher2@valley.example", DEMO_PASSWORD, "10.40.0.1")).statusCode).toBe(200);
    for (let a = 1; a <= 6; a++) {
      const ip = `10.41.${a}.1`;
      expect(await failures("teacher2@valley.example", 5, () => ip)).toEqual([401, 401, 401, 401, 401]);
      // Each of the attacker's pairs is refused, whatever password it tries next.
      expectRateLimited(await login("teacher2@valley.example", "wrong-again", ip), 15 * 60);
      expectRateLimited(await login("teacher2@valley.example", DEMO_PASSWORD, ip), 15 * 60);
    }
    expect((await login("teacher2@valley.example", DEMO_PASSWORD, "10.40.0.1")).statusCode).toBe(200);
    // 30 failures are under the account-wide ceiling: a new address (a phone) gets in too.
    expect((await login("teacher2@valley.example", DEMO_PASSWORD, "10.40.9.9")).statusCode).toBe(200);
  });

  it("lets the user mistype and still log in from another address at once (no account lockout)", async () => {
    nextHour();
    expect(await failures("employer@valley.example", 5, (i) => `10.21.${i}.1`)).toEqual([401, 401, 401, 401, 401]);
    expect((await login("employer@valley.example", DEMO_PASSWORD, "10.21.9.1")).statusCode).toBe(200);
    expect((await login("coordinator@valley.example", DEMO_PASSWORD, "10.21.0.1")).statusCode).toBe(200);
  });

  it("forgets a pair's failures once the right password comes from it", async () => {
    nextHour();
    const ip = "10.22.0.1";
    expect(await failures("builder@valley.example", 4, () => ip)).toEqual([401, 401, 401, 401]);
    expect((await login("builder@valley.example", DEMO_PASSWORD, ip)).statusCode).toBe(200);
    expect(await failures("builder@valley.example", 5, () => ip)).toEqual([401, 401, 401, 401, 401]);
    expectRateLimited(await login("builder@valley.example", DEMO_PASSWORD, ip), 15 * 60);
  });

  it("checks at most 5 passwords of a burst of 20 parallel guesses from one address", async () => {
    nextHour();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login("coordinator@riverbend.example", `guess-${i}`, "10.23.0.1")),
    );
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
  });

  it("does not count successful logins as failures", async () => {
    for (let i = 0; i < 7; i++)
      expect((await login("intermediary@valley.example", DEMO_PASSWORD, "10.24.0.1")).statusCode).toBe(200);
  });
});

describe("distributed guessing at one account", () => {
  it("refuses new addresses after 100 failures within an hour, but not the owner's known address", async () => {
    nextHour();
    const owner = "10.50.0.1";
    expect((await login("teacher@coast.example", DEMO_PASSWORD, owner)).statusCode).toBe(200);
    clock.advance(60_000);
    // 100 addresses, one guess each: under every pair limit.
    const codes = await failures("teacher@coast.example", 100, (i) => `10.51.${i}.1`);
    expect(codes.every((c) => c === 401)).toBe(true);
    // The 101st from a new address is refused, even with the right password, until the first failure is an hour old.
    expectRateLimited(await login("teacher@coast.example", DEMO_PASSWORD, "10.52.0.1"), 60 * 60);
    expectRateLimited(await login("teacher@coast.example", "another-guess", "10.52.0.2"), 60 * 60);
    // The owner, from the address they logged in from before, gets in.
    const res = await login("teacher@coast.example", DEMO_PASSWORD, owner);
    expect(res.statusCode).toBe(200);
    expect(res.json().accessToken).toEqual(expect.any(String));
    // ...and from there is still held to the per-pair limit.
    expect(await failures("teacher@coast.example", 5, () => owner)).toEqual([401, 401, 401, 401, 401]);
    expectRateLimited(await login("teacher@coast.example", DEMO_PASSWORD, owner), 15 * 60);
  });

  it("lets new addresses in again once the failures are an hour old", async () => {
    clock.advance(60 * 60_000);
    expect((await login("teacher@coast.example", DEMO_PASSWORD, "10.52.0.1")).statusCode).toBe(200);
  });

  it("checks at most 100 passwords of a burst of 120 parallel guesses from 120 addresses", async () => {
    nextHour();
    const burst = await Promise.all(
      Array.from({ length: 120 }, (_, i) => login("employer@coast.example", `guess-${i}`, `10.53.${i}.1`)),
    );
    const codes = burst.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(100);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(20);
  });
});

describe("password spraying from one address", () => {
  it("refuses the address after 50 failures across accounts within 15 minutes, except for accounts that logged in from it", async () => {
    nextHour();
    const school = "10.60.0.1";
    expect((await login("coordinator@coast.example", DEMO_PASSWORD, school)).statusCode).toBe(200);
    for (let i = 0; i < 50; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) => login(`nobody${i + j}@coast.example`, "Spring2026!", school)),
      );
      expect(batch.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    }
    expectRateLimited(await login("intermediary@coast.example", "Spring2026!", school), 15 * 60);
    expectRateLimited(await login("intermediary@coast.example", DEMO_PASSWORD, school), 15 * 60);
    // Someone who works there and has logged in from it before is not locked out by the sprayer.
    expect((await login("coordinator@coast.example", DEMO_PASSWORD, school)).statusCode).toBe(200);
    // Another address is not affected.
    expect((await login("intermediary@coast.example", DEMO_PASSWORD, "10.60.0.2")).statusCode).toBe(200);
  });

  it("lets the address in again after 15 minutes", async () => {
    clock.advance(15 * 60_000);
    expect((await login("intermediary@coast.example", DEMO_PASSWORD, "10.60.0.1")).statusCode).toBe(200);
  });
});
