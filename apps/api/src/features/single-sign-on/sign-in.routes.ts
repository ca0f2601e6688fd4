import { identityProviders } from "@bridgework/db";
import { Problem, SignInProvider, SignInProvidersQuery } from "@bridgework/domain";
import { and, arrayContains, asc, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { type AppServices, publicCtx } from "../../lib/context.ts";
import { setRefreshCookie } from "../../lib/auth/refresh-tokens.ts";
import { finishSignIn } from "./finish-sign-in.ts";
import { auditRefusal, refusalLocation, SignInRefused } from "./sign-in-refusal.ts";
import { SIGN_IN_TTL_MS, startSignIn } from "./start-sign-in.ts";

const tags = ["single sign-on"];
/** Ties the provider's answer to the browser that started (login CSRF); Lax, since the answer is a cross-site top-level redirect. */
const BROWSER_COOKIE = "bw_sign_in";
const COOKIE_PATH = "/api/sign-in";
const Redirect = z.null().describe("302 to the provider, the app, or the login page with `signInError`");
const StartParams = z.object({ providerId: z.uuid() });
const StartQuery = z.object({ email: z.string().max(320).optional() });

/** The login page's list: enabled providers whose allowed domains hold the typed email's domain. */
async function providersFor(services: AppServices, email: string | undefined) {
  const at = email?.lastIndexOf("@") ?? -1;
  const domain =
    email && at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : "";
  if (!domain) return [];
  return services.db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(and(eq(identityProviders.enabled, true), arrayContains(identityProviders.allowedDomains, [domain])))
    .orderBy(asc(identityProviders.name));
}

export async function signInRoutes(app: App, services: AppServices) {
  const secure = services.config.publicUrl.startsWith("https://");

  /** A refusal goes back to the login page and into the audit log; anything else is the error handler's. */
  async function refuse(req: FastifyRequest, reply: FastifyReply, error: unknown) {
    if (!(error instanceof SignInRefused)) throw error;
    req.log.info(
      { reason: error.reason, cause: error.facts.cause, providerId: error.facts.providerId },
      "sign-in refused",
    );
    await auditRefusal(services.db, error);
    return reply.redirect(refusalLocation(error.reason), 302);
  }

  app.get(
    "/api/sign-in/providers",
    {
      schema: {
        tags,
        summary:
          "The sign-in buttons for an email: enabled identity providers whose allowed domains hold its domain (name and id only; public)",
        security: [],
        querystring: SignInProvidersQuery,
        response: { 200: z.array(SignInProvider), 400: Problem },
      },
    },
    (req) => providersFor(services, req.query.email),
  );

  app.get(
    "/api/sign-in/:providerId/start",
    {
      schema: {
        tags,
        summary:
          "Start signing in with an identity provider: 302 to its authorization endpoint (code flow, PKCE S256, state, nonce); `email` becomes the login hint; refusals 302 to /login?signInError=… (public)",
        security: [],
        params: StartParams,
        querystring: StartQuery,
        response: { 302: Redirect, 400: Problem },
      },
    },
    async (req, reply) => {
      try {
        const { location, browserToken } = await startSignIn(publicCtx(req, services), {
          providerId: req.params.providerId,
          ip: req.ip,
          email: req.query.email,
        });
        reply.setCookie(BROWSER_COOKIE, browserToken, {
          httpOnly: true,
          sameSite: "lax",
          secure,
          path: COOKIE_PATH,
          maxAge: SIGN_IN_TTL_MS / 1000,
        });
        return reply.redirect(location, 302);
      } catch (error) {
        return refuse(req, reply, error);
      }
    },
  );

  app.get(
    "/api/sign-in/callback",
    {
      schema: {
        tags,
        summary:
          "Where the identity provider sends the browser back: checks state (once, 10 minutes, same browser), code, ID token and email, then starts a session like a password login and 302s to the app; refusals 302 to /login?signInError=… (public)",
        security: [],
        response: { 302: Redirect, 400: Problem },
      },
    },
    async (req, reply) => {
      reply.clearCookie(BROWSER_COOKIE, { httpOnly: true, sameSite: "lax", secure, path: COOKIE_PATH });
      try {
        const url = new URL(req.url, services.config.publicUrl);
        const { refreshToken } = await finishSignIn(publicCtx(req, services), {
          url,
          browserToken: req.cookies[BROWSER_COOKIE],
          ip: req.ip,
          userAgent: req.headers["user-agent"],
        });
        setRefreshCookie(reply, refreshToken, secure);
        return reply.redirect("/", 302);
      } catch (error) {
        return refuse(req, reply, error);
      }
    },
  );
}
