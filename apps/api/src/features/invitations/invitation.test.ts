import { invitations, users } from "@bridgework/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { hashToken } from "../../lib/tokens.ts";

const clock = manualClock();
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const NEW_PASSWORD = "a-long-enough-password";
const LINK = /http:\/\/bridgework\.test\/invite\/([A-Za-z0-9_-]{20,})/;
let n = 0;

/** The intermediary invites a new teacher at Valley High; returns the email and the link token from the dev mailbox. */
async function invite(email = `new.teacher${++n}@valley.example`) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/users",
    headers: await h.as("intermediary@valley.example"),
    payload: { email, name: "Nora New", role: "teacher", organizationId: await h.orgId("Valley High") },
  });
  expect(res.statusCode).toBe(201);
  const mailbox = await h.app.inject({ method: "GET", url: `/api/dev/mailbox?to=${encodeURIComponent(email)}` });
  const [message] = mailbox.json() as Array<{ text: string; html: string; subject: string }>;
  const token = message?.text.match(LINK)?.[1];
  expect(token).toBeTruthy();
  return { email, token: token!, user: res.json(), message: message! };
}

const show = (token: string) => h.app.inject({ method: "GET", url: `/api/invitations/${token}` });
const accept = (token: string, password = NEW_PASSWORD) =>
  h.app.inject({ method: "POST", url: `/api/invitations/${token}/accept`, payload: { password } });
const login = (email: string, password: string) =>
  h.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: `10.40.${++n}.1`,
  });

describe("invitations", () => {
  it("creates an invited user (201) and emails a one-time set-password link under PUBLIC_URL", async () => {
    const { email, user, message } = await invite();
    expect(user).toMatchObject({ email, role: "teacher", status: "invited" });
    expect(message.subject).toContain("Valley High");
    expect(message.html).toMatch(LINK);
    const row = await h.lastEmailTo(email);
    expect(row?.text).toMatch(LINK);
  });

  it("shows who a link is for without using it up", async () => {
    const { email, token } = await invite();
    for (let i = 0; i < 2; i++) {
      const res = await show(token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ email, name: "Nora New", organizationName: "Valley High", role: "teacher" });
    }
    expect((await accept(token)).statusCode).toBe(200);
  });

  it("does not let an invited user log in before the password is set", async () => {
    const { email } = await invite();
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(401);
  });

  it("sets the password and activates the account on accept, after which the user can log in", async () => {
    const { email, token } = await invite();
    const res = await accept(token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email, role: "teacher", organizationName: "Valley High", regionName: "Valley" });
    const loggedIn = await login(email, NEW_PASSWORD);
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.json().user.email).toBe(email);
  });

  it("answers 410 link-expired when a link is used a second time, and keeps the first password", async () => {
    const { email, token } = await invite();
    expect((await accept(token)).statusCode).toBe(200);
    const second = await accept(token, "an-attackers-new-password");
    expect(second.statusCode).toBe(410);
    expect(second.json().type).toBe("https://bridgework.dev/problems/link-expired");
    expect((await show(token)).statusCode).toBe(410);
    expect((await login(email, "an-attackers-new-password")).statusCode).toBe(401);
    expect((await login(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("lets only one of two simultaneous accepts use the link", async () => {
    const { token } = await invite();
    const results = await Promise.all([accept(token), accept(token, "another-long-password")]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
  });

  it("refuses a link after 7 days with 410", async () => {
    const { token } = await invite();
    clock.advance(8 * 24 * 3600_000);
    try {
      expect((await show(token)).statusCode).toBe(410);
      const res = await accept(token);
      expect(res.statusCode).toBe(410);
      expect(res.json().type).toBe("https://bridgework.dev/problems/link-expired");
    } finally {
      clock.advance(-8 * 24 * 3600_000);
    }
  });

  it("answers 410 for a link that was never issued", async () => {
    expect((await show("x".repeat(43))).statusCode).toBe(410);
    expect((await accept("x".repeat(43))).statusCode).toBe(410);
  });

  it("refuses a short password with a validation error on password, without using the link", async () => {
    const { token } = await invite();
    const res = await accept(token, "short");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: "password" })]);
    expect((await accept(token)).statusCode).toBe(200);
  });

  it("answers 409 duplicate when the email already has an account, whatever its case", async () => {
    for (const email of ["teacher@valley.example", "Teacher@Valley.EXAMPLE"]) {
      const res = await h.app.inject({
        method: "POST",
        url: "/api/users",
        headers: await h.as("intermediary@valley.example"),
        payload: { email, name: "Tanya Again", role: "teacher", organizationId: await h.orgId("Valley High") },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toBe("https://bridgework.dev/problems/duplicate");
    }
    const [{ count }] = (
      await h.db.db.execute(sql`select count(*)::int as count from users where email = 'teacher@valley.example'`)
    ).rows as [{ count: number }];
    expect(count).toBe(1);
  });

  it("stores only a hash of the link token: no table but the outgoing email holds the raw token", async () => {
    const { email, token } = await invite();
    const [user] = await h.db.db.select().from(users).where(eq(users.email, email));
    const [row] = await h.db.db.select().from(invitations).where(eq(invitations.userId, user!.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    // Every table rendered as text: the raw token must not appear anywhere except in the message itself.
    const tables = (
      await h.db.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).rows as Array<{ table_name: string }>;
    expect(tables.length).toBeGreaterThan(5);
    const holding: string[] = [];
    for (const { table_name } of tables) {
      const found = await h.db.db.execute(
        sql`select 1 from ${sql.identifier(table_name)} t where t::text like ${`%${token}%`} limit 1`,
      );
      if (found.rows.length > 0) holding.push(table_name);
    }
    expect(holding).toEqual(["emails"]);
  });
});
