import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, TEST_JWT_SECRET } from "../../../test/harness.ts";

let h: Harness;
let claims: Record<string, unknown>;
beforeAll(async () => {
  h = await createHarness();
  const { authorization } = await h.as("teacher@valley.example");
  claims = JSON.parse(Buffer.from(authorization.split(".")[1]!, "base64url").toString());
});
afterAll(() => h.close());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An HS256 token signed with the API's own secret, so only the claims decide. */
function sign(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = { alg: "HS256", typ: "JWT" },
  secret = TEST_JWT_SECRET,
) {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

const me = (token: string) =>
  h.app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${token}` } });
const now = () => Math.floor(Date.now() / 1000);
const without = (key: string) => Object.fromEntries(Object.entries(claims).filter(([k]) => k !== key));

describe("access tokens", () => {
  it("accepts a token with the issued claims re-signed by the test (the signer is sound)", async () => {
    const res = await me(sign({ ...claims, iat: now(), exp: now() + 60 }));
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe("teacher@valley.example");
  });

  it("carries the bridgework audience and issuer and lives at most 15 minutes", () => {
    expect(claims).toMatchObject({ aud: "bridgework-api", iss: "bridgework" });
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
  });

  it.each([
    ["is for another audience", () => sign({ ...claims, aud: "bridgework-sign-links" })],
    ["has no audience at all", () => sign(without("aud"))],
    ["is from another issuer", () => sign({ ...claims, iss: "someone-else" })],
    ["has no issuer", () => sign(without("iss"))],
    ["has no expiry (would never expire)", () => sign(without("exp"))],
    ["has expired", () => sign({ ...claims, iat: now() - 1000, exp: now() - 60 })],
    ["is signed with another secret", () => sign(claims, undefined, "another-secret-another-secret-another")],
    ["is unsigned (alg none)", () => `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`],
    ["uses an algorithm we do not issue (HS512 header)", () => sign(claims, { alg: "HS512", typ: "JWT" })],
    ["lacks the role claim", () => sign(without("role"))],
  ])("refuses a token that %s with 401 unauthenticated", async (_what, token) => {
    const res = await me(token());
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().type).toBe("https://bridgework.dev/problems/unauthenticated");
  });

  // Verified tokens are remembered (plugins/auth.ts): remembering must give the answer verifying again would.
  it("refuses a token it accepted before once the token has expired", async () => {
    const expiresAt = now() + 1;
    const token = sign({ ...claims, iat: now(), exp: expiresAt });
    expect((await me(token)).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt * 1000 - Date.now() + 50));
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe("https://bridgework.dev/problems/unauthenticated");
  });

  it("refuses an accepted token with its signature changed, and a different person's token is that person", async () => {
    const token = sign({ ...claims, iat: now(), exp: now() + 60 });
    expect((await me(token)).statusCode).toBe(200);
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect((await me(tampered)).statusCode).toBe(401);
    const { authorization } = await h.as("coordinator@valley.example");
    const other = await h.app.inject({ method: "GET", url: "/api/me", headers: { authorization } });
    expect(other.json().email).toBe("coordinator@valley.example");
    expect((await me(token)).json().email).toBe("teacher@valley.example");
  });
});
