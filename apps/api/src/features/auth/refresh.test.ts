import { refreshTokens, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../lib/tokens.ts";
import { createHarness, DEMO_PASSWORD, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock();
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

let ip = 0;
async function login(email = "teacher@valley.example") {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: DEMO_PASSWORD },
    remoteAddress: `10.1.${++ip}.1`,
  });
  expect(res.statusCode).toBe(200);
  return cookieOf(res)!;
}

function cookieOf(res: { cookies: Array<{ name: string; value: string }> }) {
  return res.cookies.find((c) => c.name === "bw_refresh")?.value;
}

const refresh = (cookie: string) =>
  h.app.inject({ method: "POST", url: "/api/auth/refresh", cookies: { bw_refresh: cookie } });
const me = (accessToken: string) =>
  h.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${accessToken}` } });

async function rotate(cookie: string) {
  const res = await refresh(cookie);
  expect(res.statusCode).toBe(200);
  const next = cookieOf(res)!;
  expect(next).toBeTruthy();
  return { next, res };
}

describe("refresh tokens", () => {
  it("rotates the refresh cookie on every use and returns a working access token", async () => {
    const c0 = await login();
    const { next: c1, res } = await rotate(c0);
    const { next: c2 } = await rotate(c1);
    expect(new Set([c0, c1, c2]).size).toBe(3);
    expect(res.cookies.find((c) => c.name === "bw_refresh")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
      path: "/api/auth",
    });
    const body = res.json();
    expect(body.user.email).toBe("teacher@valley.example");
    expect((await me(body.accessToken)).json().email).toBe("teacher@valley.example");
  });

  it("refuses a refresh token once it has been rotated", async () => {
    const c0 = await login();
    await rotate(c0);
    const again = await refresh(c0);
    expect(again.statusCode).toBe(401);
    expect(again.json().type).toBe("https://bridgework.dev/problems/unauthenticated");
  });

  it("revokes the whole session, newest token included, when an old refresh token is reused", async () => {
    const c0 = await login();
    const { next: c1 } = await rotate(c0);
    const { next: c2 } = await rotate(c1);
    expect((await refresh(c1)).statusCode).toBe(401);
    // The thief or the user, whoever holds the newest token, is logged out too.
    const newest = await refresh(c2);
    expect(newest.statusCode).toBe(401);
    const [first] = await h.db.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashToken(c0)));
    const family = await h.db.db.select().from(refreshTokens).where(eq(refreshTokens.familyId, first!.familyId));
    expect(family).toHaveLength(3);
    expect(family.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it("leaves the user's other sessions alone when one session is revoked for reuse", async () => {
    const laptop = await login("employer@valley.example");
    const phone = await login("employer@valley.example");
    const { next: laptop1 } = await rotate(laptop);
    expect((await refresh(laptop)).statusCode).toBe(401);
    expect((await refresh(laptop1)).statusCode).toBe(401);
    await rotate(phone);
  });

  it("lets only one of two simultaneous uses of the same refresh token succeed", async () => {
    const c0 = await login("coordinator@valley.example");
    const results = await Promise.all([refresh(c0), refresh(c0), refresh(c0)]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.statusCode === 401).length).toBeGreaterThanOrEqual(2);
  });

  it("ends a disabled user's session at the next refresh", async () => {
    const c0 = await login("teacher2@valley.example");
    await h.db.db.update(users).set({ status: "disabled" }).where(eq(users.email, "teacher2@valley.example"));
    expect((await refresh(c0)).statusCode).toBe(401);
  });

  it("refuses a refresh without a cookie or with an unknown one", async () => {
    expect((await h.app.inject({ method: "POST", url: "/api/auth/refresh" })).statusCode).toBe(401);
    expect((await refresh("not-a-token-we-ever-issued")).statusCode).toBe(401);
  });

  it("refuses a refresh token older than 14 days", async () => {
    const c0 = await login();
    clock.advance(14 * 24 * 3600_000 + 1000);
    try {
      expect((await refresh(c0)).statusCode).toBe(401);
    } finally {
      clock.advance(-(14 * 24 * 3600_000 + 1000));
    }
  });

  it("stores refresh tokens only as hashes", async () => {
    const c0 = await login();
    const rows = await h.db.db.select({ tokenHash: refreshTokens.tokenHash }).from(refreshTokens);
    expect(rows.some((r) => r.tokenHash.includes(c0))).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
  });
});

describe("logout", () => {
  it("revokes the session so its refresh cookie no longer works, and clears the cookie", async () => {
    const c0 = await login();
    const { next: c1 } = await rotate(c0);
    const out = await h.app.inject({ method: "POST", url: "/api/auth/logout", cookies: { bw_refresh: c1 } });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === "bw_refresh");
    expect(cleared?.value).toBe("");
    expect((await refresh(c1)).statusCode).toBe(401);
  });

  it("answers 204 without a cookie (nothing to revoke)", async () => {
    expect((await h.app.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
  });
});
