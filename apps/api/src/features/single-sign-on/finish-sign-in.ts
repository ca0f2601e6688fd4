import { auditLog, identityProviders, signInRequests } from "@bridgework/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Ctx } from "../../lib/context.ts";
import { hashToken } from "../../lib/tokens.ts";
import { recordLoginSuccess } from "../../lib/auth/login-limits.ts";
import { issueRefreshToken } from "../../lib/auth/refresh-tokens.ts";
import { matchAccount } from "./match-account.ts";
import { providerConfiguration } from "./provider-client.ts";
import { SignInRefused } from "./sign-in-refusal.ts";
import { SIGN_IN_TTL_MS } from "./start-sign-in.ts";

/** Claims the sign-in `state` names, once: a used, expired, unknown or other browser's state is refused. */
async function claimRequest(
  ctx: Omit<Ctx, "actor">,
  state: string | null,
  browserToken: string | undefined,
  now: Date,
) {
  if (!state || !browserToken) throw new SignInRefused("state", { cause: state ? "no binding cookie" : "no state" });
  const [claimed] = await ctx.db
    .update(signInRequests)
    .set({ usedAt: now })
    .where(
      and(
        eq(signInRequests.stateHash, hashToken(state)),
        eq(signInRequests.browserHash, hashToken(browserToken)),
        isNull(signInRequests.usedAt),
        gt(signInRequests.createdAt, new Date(now.getTime() - SIGN_IN_TTL_MS)),
      ),
    )
    .returning();
  if (claimed) return claimed;
  const [known] = await ctx.db
    .select({
      providerId: signInRequests.providerId,
      regionId: identityProviders.regionId,
      usedAt: signInRequests.usedAt,
    })
    .from(signInRequests)
    .innerJoin(identityProviders, eq(identityProviders.id, signInRequests.providerId))
    .where(eq(signInRequests.stateHash, hashToken(state)));
  throw new SignInRefused("state", {
    providerId: known?.providerId,
    regionId: known?.regionId,
    cause: !known ? "unknown state" : known.usedAt ? "state used before (replay)" : "expired or another browser",
  });
}

/**
 * The provider's answer: checks the state (single use, ≤ 10 minutes, this browser), exchanges the
 * code with the PKCE verifier, validates the ID token (signature, issuer, audience, nonce), requires
 * a verified email in an allowed domain, finds or creates the account, and starts a session exactly
 * as a password login does (a refresh token for the cookie). Every refusal is a SignInRefused.
 */
export async function finishSignIn(
  ctx: Omit<Ctx, "actor">,
  input: { url: URL; browserToken?: string; ip: string; userAgent?: string },
) {
  const now = ctx.clock.now();
  const request = await claimRequest(ctx, input.url.searchParams.get("state"), input.browserToken, now);
  const [provider] = await ctx.db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.id, request.providerId), eq(identityProviders.enabled, true)));
  if (!provider)
    throw new SignInRefused("provider", { providerId: request.providerId, cause: "provider disabled during sign-in" });
  const facts = { providerId: provider.id, regionId: provider.regionId };
  const providerError = input.url.searchParams.get("error");
  if (providerError)
    throw new SignInRefused("provider", { ...facts, cause: `provider answered ${providerError.slice(0, 100)}` });

  let claims: Record<string, unknown> | undefined;
  try {
    const configuration = await providerConfiguration(provider, ctx.config);
    const tokens = await oidc.authorizationCodeGrant(configuration, input.url, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: input.url.searchParams.get("state") ?? undefined,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    // Providers that keep profile claims out of the ID token give them at the userinfo endpoint, for the same subject.
    claims =
      idToken && typeof idToken.email !== "string"
        ? { ...idToken, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)) }
        : idToken;
  } catch (error) {
    throw new SignInRefused("provider", {
      ...facts,
      cause: `code exchange: ${(error as Error).message}`.slice(0, 300),
    });
  }
  const email = typeof claims?.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email || claims?.email_verified !== true)
    throw new SignInRefused("email-unverified", { ...facts, ...(email ? { email } : {}) });
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!provider.allowedDomains.includes(domain)) throw new SignInRefused("domain", { ...facts, email });

  const name = typeof claims?.name === "string" ? claims.name : null;
  const session = await ctx.db.transaction(async (tx) => {
    const { user, event } = await matchAccount(tx, { provider, email, name, now });
    await recordLoginSuccess(tx, { userId: user.id, email, ip: input.ip, now });
    const refreshToken = await issueRefreshToken(tx, { userId: user.id, now, userAgent: input.userAgent });
    await tx.insert(auditLog).values({
      regionId: provider.regionId,
      actorUserId: user.id,
      action: "sign-in",
      entity: "identity_provider",
      entityId: provider.id,
      details: { email, event },
    });
    return { refreshToken, userId: user.id };
  });
  return session;
}
