import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";

const clock = manualClock();
let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const LINK = /http:\/\/bridgework\.test\/invite\/([A-Za-z0-9_-]{20,})/;
const DAY = 24 * 3600_000;
let n = 0;

async function invite(as: string, role: string, organization: string) {
  const email = `resend${++n}@valley.example`;
  const res = await h.app.inject({
    method: "POST",
    url: "/api/users",
    headers: await h.as(as),
    payload: { email, name: "Rita Resend", role, organizationId: await h.orgId(organization) },
  });
  expect(res.statusCode).toBe(201);
  return { email, id: res.json().id as string };
}

/** The link tokens of every email sent to `email`, oldest first. */
async function tokensTo(email: string): Promise<string[]> {
  const mailbox = await h.app.inject({ method: "GET", url: `/api/dev/mailbox?to=${encodeURIComponent(email)}` });
  const messages = mailbox.json() as Array<{ text: string; createdAt: string }>;
  return messages.map((m) => m.text.match(LINK)![1]!).reverse();
}

const resend = async (as: string, id: string) =>
  h.app.inject({ method: "POST", url: `/api/users/${id}/invitation`, headers: await h.as(as) });
const show = (token: string) => h.app.inject({ method: "GET", url: `/api/invitations/${token}` });
const accept = (token: string) =>
  h.app.inject({
    method: "POST",
    url: `/api/invitations/${token}/accept`,
    payload: { password: "a-long-enough-password" },
  });

describe("resending an invitation", () => {
  it("sends a new link after the first expired: the new one works, the old one stays gone", async () => {
    const { email, id } = await invite("coordinator@valley.example", "teacher", "Eastside High");
    const [first] = await tokensTo(email);
    clock.advance(8 * DAY);
    try {
      expect((await show(first!)).statusCode).toBe(410);
      const res = await resend("coordinator@valley.example", id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id, email, status: "invited" });
      const tokens = await tokensTo(email);
      expect(tokens).toHaveLength(2);
      expect(tokens[1]).not.toBe(first);
      expect((await show(tokens[1]!)).statusCode).toBe(200);
      expect((await accept(tokens[1]!)).statusCode).toBe(200);
      expect((await accept(first!)).statusCode).toBe(410);
    } finally {
      clock.advance(-8 * DAY);
    }
  });

  it("revokes a link still open when a new one is sent", async () => {
    const { email, id } = await invite("employer@valley.example", "employer", "Valley Medical Center");
    expect((await resend("employer@valley.example", id)).statusCode).toBe(200);
    const [first, second] = await tokensTo(email);
    expect((await show(first!)).statusCode).toBe(410);
    expect((await show(second!)).statusCode).toBe(200);
  });

  it("answers 409 once the person has set a password, and sends nothing", async () => {
    const { email, id } = await invite("intermediary@valley.example", "teacher", "Valley High");
    const [token] = await tokensTo(email);
    expect((await accept(token!)).statusCode).toBe(200);
    const res = await resend("intermediary@valley.example", id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: "https://bridgework.dev/problems/invalid-transition", status: 409 });
    expect(await tokensTo(email)).toHaveLength(1);
  });

  it("is refused to a teacher (403), to a coordinator of another district and to another region (404)", async () => {
    const { email, id } = await invite("intermediary@valley.example", "teacher", "Valley High");
    expect((await resend("teacher@valley.example", id)).statusCode).toBe(403);
    expect((await resend("coordinator@riverbend.example", id)).statusCode).toBe(404);
    expect((await resend("intermediary@coast.example", id)).statusCode).toBe(404);
    expect((await resend("employer@valley.example", id)).statusCode).toBe(404);
    expect(await tokensTo(email)).toHaveLength(1);
  });
});
