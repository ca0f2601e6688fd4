import { users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, DEMO_PASSWORD, type Harness } from "../../../test/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const login = (email: string, password: string, ip = "10.0.0.1") =>
  h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

describe("login", () => {
  it("logs a demo user in with an access token, a refresh cookie and the user's scope", async () => {
    const res = await login("coordinator@valley.example", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      email: "coordinator@valley.example",
      role: "coordinator",
      organizationName: "Valley Unified",
      regionName: "Valley",
    });
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    const cookie = res.cookies.find((c) => c.name === "bw_refresh");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth" });
    const me = await h.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.json()).toMatchObject({ email: "coordinator@valley.example", role: "coordinator" });
  });

  it("gives the same 401 for an unknown email and a wrong password", async () => {
    const unknown = await login("nobody@valley.example", "whatever-password", "10.0.1.1");
    const wrong = await login("teacher@valley.example", "wrong-password", "10.0.1.2");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    const { requestId: _a, ...a } = unknown.json();
    const { requestId: _b, ...b } = wrong.json();
    expect(a).toEqual(b);
  });

  it("accepts the email in any letter case", async () => {
    const res = await login("Employer@Valley.EXAMPLE", DEMO_PASSWORD, "10.0.2.1");
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe("employer@valley.example");
  });

  it("refuses a disabled account with the same 401 as a wrong password", async () => {
    await h.db.db.update(users).set({ status: "disabled" }).where(eq(users.email, "builder@valley.example"));
    const disabled = await login("builder@valley.example", DEMO_PASSWORD, "10.0.3.1");
    const wrong = await login("teacher2@valley.example", "wrong-password", "10.0.3.2");
    expect(disabled.statusCode).toBe(401);
    expect(disabled.cookies.find((c) => c.name === "bw_refresh")).toBeUndefined();
    const { requestId: _a, ...a } = disabled.json();
    const { requestId: _b, ...b } = wrong.json();
    expect(a).toEqual(b);
  });

  it("answers bad input with per-field validation errors", async () => {
    const res = await h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "not-an-email" } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: "https://bridgework.dev/problems/validation",
      status: 400,
      errors: expect.arrayContaining([
        expect.objectContaining({ path: "email" }),
        expect.objectContaining({ path: "password" }),
      ]),
    });
  });

  it("refuses /api/me without a token or with a forged one", async () => {
    expect((await h.app.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    const forged = await h.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x" },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().type).toBe("https://bridgework.dev/problems/unauthenticated");
  });
});
