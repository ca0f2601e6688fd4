import { auditLog, identityProviders, users } from "@bridgework/db";
import type { IdentityProvider } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestIdentityProvider, type TestIdentityProvider } from "../../../../../test/support/oidc-provider.ts";
import { createHarness, type Harness, PUBLIC_URL } from "../../../test/harness.ts";

const CALLBACK = `${PUBLIC_URL}/api/sign-in/callback`;

let h: Harness;
let idp: TestIdentityProvider;

beforeAll(async () => {
  [h, idp] = await Promise.all([
    createHarness(),
    startTestIdentityProvider({
      redirectUri: CALLBACK,
      accounts: [
        { email: "teacher@valley.example", name: "Tina Teacher" },
        { email: "someone@elsewhere.example", name: "Someone Else" },
        { email: "unverified@valley.example", name: "Una Verified", emailVerified: false },
        { email: "newcomer@valley.example", name: "Nora Newcomer" },
        { email: "intermediary@coast.example", name: "Coast Person" },
        { email: "invited.teacher@valley.example", name: "Ivy Invited" },
      ],
    }),
  ]);
}, 60_000);
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

const asValley = () => h.as("intermediary@valley.example");

async function createProvider(over: Record<string, unknown> = {}) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/identity-providers",
    headers: await asValley(),
    payload: {
      name: "Valley Unified",
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: ["Valley.example"],
      ...over,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<IdentityProvider>();
}

/** Plays the browser between Bridgework and the provider: start, the provider's login form, back to the callback. */
async function signIn(providerId: string, login: string, tamper?: (callback: URL) => void) {
  const start = await h.app.inject({
    method: "GET",
    url: `/api/sign-in/${providerId}/start?email=${encodeURIComponent(login)}`,
    remoteAddress: "10.50.0.1",
  });
  expect(start.statusCode, start.body).toBe(302);
  const binding = start.cookies.find((c) => c.name === "bw_sign_in");
  const jar = new Map<string, string>();
  const fetchIdp = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!, value.join("="));
    }
    return res;
  };
  let location = start.headers.location as string;
  for (let step = 0; step < 10 && !location.startsWith(CALLBACK); step++) {
    const res = await fetchIdp(location);
    if (res.status === 200) {
      const action = /action="([^"]+)"/.exec(await res.text())![1]!;
      const posted = await fetchIdp(new URL(action, idp.issuer).href, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
      });
      location = new URL(posted.headers.get("location")!, idp.issuer).href;
    } else {
      location = new URL(res.headers.get("location")!, idp.issuer).href;
    }
  }
  const callback = new URL(location);
  tamper?.(callback);
  const url = `${callback.pathname}${callback.search}`;
  const finish = (cookie = binding?.value) =>
    h.app.inject({
      method: "GET",
      url,
      remoteAddress: "10.50.0.1",
      ...(cookie ? { cookies: { bw_sign_in: cookie } } : {}),
    });
  return { res: await finish(), again: () => finish(), withoutCookie: () => finish(""), binding };
}

describe("identity providers (intermediary)", () => {
  it("creates, lists, changes and disables a provider; the secret is encrypted at rest and never returned", async () => {
    const created = await createProvider();
    expect(created).toMatchObject({
      name: "Valley Unified",
      allowedDomains: ["valley.example"],
      clientSecretSet: true,
      createAccounts: false,
      enabled: true,
      redirectUri: CALLBACK,
    });
    expect(JSON.stringify(created)).not.toContain(idp.clientSecret);
    const [row] = await h.db.db.select().from(identityProviders).where(eq(identityProviders.id, created.id));
    expect(row!.clientSecretEncrypted).toMatch(/^v1\./);
    expect(row!.clientSecretEncrypted).not.toContain(idp.clientSecret);

    const list = await h.app.inject({ method: "GET", url: "/api/identity-providers", headers: await asValley() });
    expect(list.json<IdentityProvider[]>().map((p) => p.id)).toContain(created.id);
    expect(list.body).not.toContain(idp.clientSecret);

    const changed = await h.app.inject({
      method: "PATCH",
      url: `/api/identity-providers/${created.id}`,
      headers: await asValley(),
      payload: { enabled: false, allowedDomains: ["valley.example", "valleyusd.org"] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      enabled: false,
      allowedDomains: ["valley.example", "valleyusd.org"],
      clientSecretSet: true,
    });
    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "identity_provider"), eq(auditLog.entityId, created.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["create", "update"]);
    expect(JSON.stringify(audits)).not.toContain(idp.clientSecret);
  });

  it("hides another region's provider (404) and refuses other roles (403)", async () => {
    const created = await createProvider({ name: "Valley hidden" });
    const coast = await h.app.inject({
      method: "GET",
      url: `/api/identity-providers/${created.id}`,
      headers: await h.as("intermediary@coast.example"),
    });
    expect(coast.statusCode).toBe(404);
    const coastPatch = await h.app.inject({
      method: "PATCH",
      url: `/api/identity-providers/${created.id}`,
      headers: await h.as("intermediary@coast.example"),
      payload: { enabled: false },
    });
    expect(coastPatch.statusCode).toBe(404);
    const coordinator = await h.app.inject({
      method: "GET",
      url: "/api/identity-providers",
      headers: await h.as("coordinator@valley.example"),
    });
    expect(coordinator.statusCode).toBe(403);
  });

  it("creates accounts only into a school or employer of the region, never as a coordinator", async () => {
    const district = await h.orgId("Valley Unified");
    const res = await h.app.inject({
      method: "POST",
      url: "/api/identity-providers",
      headers: await asValley(),
      payload: {
        name: "Bad",
        issuer: idp.issuer,
        clientId: "x",
        allowedDomains: ["valley.example"],
        createAccounts: true,
        accountOrganizationId: district,
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe("accountOrganizationId");
    const missing = await h.app.inject({
      method: "POST",
      url: "/api/identity-providers",
      headers: await asValley(),
      payload: {
        name: "Bad",
        issuer: idp.issuer,
        clientId: "x",
        allowedDomains: ["valley.example"],
        createAccounts: true,
      },
    });
    expect(missing.statusCode).toBe(400);
  });
});

describe("signing in with a provider", () => {
  let providerId: string;
  beforeAll(async () => {
    providerId = (await createProvider({ name: "Valley SSO" })).id;
  });

  it("lists the login page's buttons by the email's domain", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/sign-in/providers?email=Someone@VALLEY.example" });
    expect(res.json()).toContainEqual({ id: providerId, name: "Valley SSO" });
    const none = await h.app.inject({ method: "GET", url: "/api/sign-in/providers?email=someone@elsewhere.example" });
    expect(none.json()).toEqual([]);
  });

  it("signs in an existing teacher like a password login, and refuses the same answer twice", async () => {
    const { res, again } = await signIn(providerId, "teacher@valley.example");
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/");
    const refresh = res.cookies.find((c) => c.name === "bw_refresh")!;
    const session = await h.app.inject({
      method: "POST",
      url: "/api/auth/refresh",
      cookies: { bw_refresh: refresh.value },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe("teacher@valley.example");
    const replay = await again();
    expect(replay.headers.location).toBe("/login?signInError=state");
    expect(replay.cookies.find((c) => c.name === "bw_refresh")).toBeUndefined();
  });

  it("refuses a tampered state, a callback from another browser, a wrong domain, an unverified email and an unknown person", async () => {
    expect(
      (await signIn(providerId, "teacher@valley.example", (u) => u.searchParams.set("state", "tampered"))).res.headers
        .location,
    ).toBe("/login?signInError=state");
    expect(
      (await (await signIn(providerId, "teacher@valley.example", (u) => u.searchParams.set("x", "1"))).withoutCookie())
        .headers.location,
    ).toBe("/login?signInError=state");
    expect((await signIn(providerId, "someone@elsewhere.example")).res.headers.location).toBe(
      "/login?signInError=domain",
    );
    expect((await signIn(providerId, "unverified@valley.example")).res.headers.location).toBe(
      "/login?signInError=email-unverified",
    );
    expect((await signIn(providerId, "newcomer@valley.example")).res.headers.location).toBe(
      "/login?signInError=no-account",
    );
    const refusals = await h.db.db.select().from(auditLog).where(eq(auditLog.action, "sign-in-refused"));
    expect(refusals.map((r) => (r.details as { reason: string }).reason)).toEqual(
      expect.arrayContaining(["state", "domain", "email-unverified", "no-account"]),
    );
  });

  it("never signs in someone of another region, even when the domain is allowed", async () => {
    const wide = await createProvider({ name: "Too wide", allowedDomains: ["coast.example"] });
    expect((await signIn(wide.id, "intermediary@coast.example")).res.headers.location).toBe(
      "/login?signInError=no-account",
    );
  });

  it("accepts an invitation: an invited teacher signs in, becomes active, and the emailed link is used", async () => {
    const invite = await h.app.inject({
      method: "POST",
      url: "/api/users",
      headers: await asValley(),
      payload: {
        email: "invited.teacher@valley.example",
        name: "Ivy Invited",
        role: "teacher",
        organizationId: await h.orgId("Valley High"),
      },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    const { res } = await signIn(providerId, "invited.teacher@valley.example");
    expect(res.headers.location).toBe("/");
    const [user] = await h.db.db.select().from(users).where(eq(users.email, "invited.teacher@valley.example"));
    expect(user!.status).toBe("active");
    const { rows } = await h.db.pool.query<{ unused: string }>(
      "SELECT count(*) AS unused FROM invitations WHERE user_id = $1 AND used_at IS NULL",
      [user!.id],
    );
    expect(Number(rows[0]!.unused)).toBe(0);
  });

  it("creates a teacher on first sign-in when the provider allows it", async () => {
    const school = await h.orgId("Valley High");
    const creating = await createProvider({
      name: "Valley creating",
      createAccounts: true,
      accountOrganizationId: school,
    });
    const { res } = await signIn(creating.id, "newcomer@valley.example");
    expect(res.headers.location).toBe("/");
    const [user] = await h.db.db.select().from(users).where(eq(users.email, "newcomer@valley.example"));
    expect(user).toMatchObject({
      role: "teacher",
      organizationId: school,
      status: "active",
      name: "Nora Newcomer",
      passwordHash: null,
    });
  });

  it("answers a broken or unknown provider with a refusal, never a 500", async () => {
    const broken = await createProvider({ name: "Broken", issuer: "http://127.0.0.1:9/nothing" });
    const start = await h.app.inject({
      method: "GET",
      url: `/api/sign-in/${broken.id}/start`,
      remoteAddress: "10.50.0.2",
    });
    expect(start.headers.location).toBe("/login?signInError=provider");
    const unknown = await h.app.inject({
      method: "GET",
      url: "/api/sign-in/00000000-0000-4000-8000-000000000000/start",
      remoteAddress: "10.50.0.2",
    });
    expect(unknown.headers.location).toBe("/login?signInError=provider");
    const bare = await h.app.inject({ method: "GET", url: "/api/sign-in/callback?code=abc" });
    expect(bare.headers.location).toBe("/login?signInError=state");
  });
});
