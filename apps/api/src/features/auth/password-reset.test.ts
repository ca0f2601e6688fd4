import { auditLog, emails, refreshTokens, users } from "@bridgework/db";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, DEMO_PASSWORD, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock(new Date("2026-03-02T17:00:00Z"));
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const LINK = /http:\/\/bridgework\.test\/reset-password\/([A-Za-z0-9_-]{20,})/;
const NEW_PASSWORD = "a-brand-new-long-password";
let n = 0;
const nextIp = () => `10.60.${++n}.1`;

const ask = (email: string, ip = nextIp()) =>
  h.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email }, remoteAddress: ip });
const show = (token: string) => h.app.inject({ method: "GET", url: `/api/auth/password-reset/${token}` });
const reset = (token: string, password = NEW_PASSWORD) =>
  h.app.inject({ method: "POST", url: `/api/auth/password-reset/${token}`, payload: { password } });
const login = (email: string, password: string) =>
  h.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: nextIp() });
const mailbox = async (to: string) =>
  (await h.app.inject({ method: "GET", url: `/api/dev/mailbox?to=${encodeURIComponent(to)}` })).json() as Array<{
    subject: string;
    text: string;
    html: string;
  }>;

/** The email is written after the 204 (so its timing tells nothing): wait until `count` have arrived. */
async function waitForMail(to: string, count = 1) {
  for (let i = 0; i < 100; i++) {
    const found = await mailbox(to);
    if (found.length >= count) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`expected ${count} email(s) to ${to}`);
}

/** Asks for a reset and returns the token from the newest email to that address. */
async function askForLink(email: string) {
  const before = (await mailbox(email)).length;
  const res = await ask(email);
  expect(res.statusCode).toBe(204);
  const [message] = await waitForMail(email, before + 1);
  const token = message?.text.match(LINK)?.[1];
  expect(token).toBeTruthy();
  return { token: token!, message: message! };
}

describe("forgot password", () => {
  it("answers 204 with an empty body whether or not the address has an account, and emails only a real account", async () => {
    const known = await ask("teacher2@valley.example");
    const unknown = await ask("nobody@valley.example");
    expect(known.statusCode).toBe(204);
    expect(unknown.statusCode).toBe(204);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers["content-type"]).toBe(known.headers["content-type"]);
    const [message] = await waitForMail("teacher2@valley.example");
    expect(await mailbox("nobody@valley.example")).toEqual([]);
    expect(message?.subject).toBe("Reset your Bridgework password");
    expect(message?.text).toMatch(LINK);
  });

  it("emails in the person's language, with the expiry an hour ahead in the region's zone", async () => {
    await h.db.db.update(users).set({ language: "es" }).where(eq(users.email, "builder@valley.example"));
    const { message } = await askForLink("Builder@Valley.example");
    expect(message.subject).toBe("Restablezca su contraseña de Bridgework");
    // 17:00Z + 1 h = 10:00 AM PST.
    expect(message.text).toContain("10:00");
    expect(message.html).toContain('lang="es"');
  });

  it("sets the new password: the old one fails, the new one works, every session ends, and the reset is audit-logged", async () => {
    const email = "teacher@valley.example";
    const before = await login(email, DEMO_PASSWORD);
    expect(before.statusCode).toBe(200);
    const cookie = before.cookies.find((c) => c.name === "bw_refresh")!.value;
    const { token } = await askForLink(email);

    const info = await show(token);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email });
    const done = await reset(token);
    expect(done.statusCode).toBe(204);

    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(200);
    const userId = await h.userId(email);
    const revoked = await h.db.db
      .select()
      .from(refreshTokens)
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    expect(revoked).toHaveLength(1); // only the session just started with the new password
    expect(
      (await h.app.inject({ method: "POST", url: "/api/auth/refresh", cookies: { bw_refresh: cookie } })).statusCode,
    ).toBe(401);
    const [row] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "password_reset"), eq(auditLog.entityId, userId)));
    expect(row?.details).toMatchObject({ refreshTokensRevoked: 1 });
    expect(JSON.stringify(row?.details)).not.toContain(token);
  });

  it("answers 410 problem+json for a used link, and keeps the password set with it", async () => {
    const email = "employer@valley.example";
    const { token } = await askForLink(email);
    expect((await reset(token)).statusCode).toBe(204);
    const again = await reset(token, "an-attackers-new-password");
    expect(again.statusCode).toBe(410);
    expect(again.headers["content-type"]).toContain("application/problem+json");
    expect(again.json()).toMatchObject({ type: "https://bridgework.dev/problems/link-expired", status: 410 });
    expect((await show(token)).statusCode).toBe(410);
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("answers 410 for a link older than an hour, and for an earlier link once a newer one was sent", async () => {
    const email = "intermediary@coast.example";
    const { token: first } = await askForLink(email);
    const { token: second } = await askForLink(email);
    expect((await reset(first)).statusCode).toBe(410);
    clock.advance(60 * 60_000);
    const late = await reset(second);
    expect(late.statusCode).toBe(410);
    expect(late.json().detail).toContain("Ask for a new one");
    expect((await login(email, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("answers 410 for a made-up token and 400 with a field error for a short password", async () => {
    expect((await reset("x".repeat(43))).statusCode).toBe(410);
    const { token } = await askForLink("coordinator@coast.example");
    const short = await reset(token, "short");
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ path: "password" })]);
    expect((await reset(token)).statusCode).toBe(204);
  });

  it("limits requests per address (4th within 15 minutes → 429 with Retry-After), known or not, without emailing more", async () => {
    for (const email of ["coordinator@riverbend.example", "ghost@riverbend.example"]) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).statusCode).toBe(204);
      const refused = await ask(email);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(refused.headers["retry-after"]).toBe(String(15 * 60));
      expect(refused.json()).toMatchObject({ type: "https://bridgework.dev/problems/rate-limited", status: 429 });
    }
    await waitForMail("coordinator@riverbend.example", 3);
    await new Promise((r) => setTimeout(r, 200));
    const sent = await h.db.db.select().from(emails).where(eq(emails.to, "coordinator@riverbend.example"));
    expect(sent).toHaveLength(3);
    clock.advance(15 * 60_000);
    expect((await ask("coordinator@riverbend.example")).statusCode).toBe(204);
  });

  it("limits requests per IP (21st within 15 minutes → 429) across different addresses", async () => {
    const ip = "10.99.0.1";
    for (let i = 0; i < 20; i++) expect((await ask(`someone${i}@example.org`, ip)).statusCode).toBe(204);
    expect((await ask("someone-else@example.org", ip)).statusCode).toBe(429);
    expect((await ask("someone-else@example.org", "10.99.0.2")).statusCode).toBe(204);
  });
});
