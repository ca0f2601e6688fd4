import { identityProviders, signInRequests } from "@bridgework/db";
import { and, count, eq, gt, lt } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Ctx } from "../../lib/context.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { providerConfiguration } from "./provider-client.ts";
import { callbackUrl } from "./provider.queries.ts";
import { SignInRefused } from "./sign-in-refusal.ts";

/** A started sign-in must come back within this long. */
export const SIGN_IN_TTL_MS = 10 * 60_000;
/** Starts one address may make per window: each costs a discovery call to the provider and a row. */
export const STARTS_PER_ADDRESS = 30;
/** Rows of finished or abandoned sign-ins are kept this long (for the per-address count), then deleted. */
const KEEP_MS = 24 * 3600_000;

/**
 * Begins the authorization-code flow with PKCE (S256), `state` and `nonce`: stores what the
 * callback will check (hashed state, nonce, verifier, a hash of the browser's binding cookie) and
 * answers the provider's authorization URL and the cookie's value. The email typed on the login
 * page is passed on as `login_hint`.
 */
export async function startSignIn(ctx: Omit<Ctx, "actor">, input: { providerId: string; ip: string; email?: string }) {
  const now = ctx.clock.now();
  const [provider] = await ctx.db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, input.providerId), eq(identityProviders.enabled, true)));
  if (!provider) throw new SignInRefused("provider", { cause: "no enabled provider with this id" });
  const facts = { providerId: provider.id, regionId: provider.regionId };

  await ctx.db.delete(signInRequests).where(lt(signInRequests.createdAt, new Date(now.getTime() - KEEP_MS)));
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(signInRequests)
    .where(
      and(eq(signInRequests.ip, input.ip), gt(signInRequests.createdAt, new Date(now.getTime() - SIGN_IN_TTL_MS))),
    );
  if ((recent?.n ?? 0) >= STARTS_PER_ADDRESS)
    throw new SignInRefused("busy", { ...facts, cause: `more than ${STARTS_PER_ADDRESS} starts from ${input.ip}` });

  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(provider, ctx.config);
  } catch (error) {
    throw new SignInRefused("provider", { ...facts, cause: `discovery: ${(error as Error).message}` });
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = newToken();
  await ctx.db.insert(signInRequests).values({
    providerId: provider.id,
    stateHash: hashToken(state),
    browserHash: hashToken(browserToken),
    nonce,
    codeVerifier,
    ip: input.ip,
    createdAt: now,
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(ctx.config.publicUrl),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...(input.email ? { login_hint: input.email } : {}),
  });
  return { location: url.href, browserToken };
}
