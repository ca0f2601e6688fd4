import { LoginInput, LoginResult, Me, NotFound, Problem, UpdateMe } from "@bridgework/domain";
import type { AppServices } from "../../lib/context.ts";
import { ctxFor, publicCtx } from "../../lib/context.ts";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { ACCESS_TOKEN_TTL_SECONDS } from "../../plugins/auth.ts";
import { loadUserWithOrg, toMe } from "./actor.ts";
import { login } from "./login.ts";
import { logout, refreshSession } from "./refresh.ts";
import { updateMe } from "./update-me.ts";
import { REFRESH_COOKIE, clearRefreshCookie, setRefreshCookie } from "./refresh-tokens.ts";

export async function authRoutes(app: App, services: AppServices) {
  const secure = services.config.publicUrl.startsWith("https://");
  const sign = app.signAccessToken;

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Log in with email and password",
        security: [],
        body: LoginInput,
        response: { 200: LoginResult, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const { result, refreshToken } = await login(
        publicCtx(req, services),
        { ...req.body, ip: req.ip, userAgent: req.headers["user-agent"] },
        sign,
      );
      setRefreshCookie(reply, refreshToken, secure);
      return { ...result, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );

  app.post(
    "/api/auth/refresh",
    { schema: { tags: ["auth"], summary: "Rotate the refresh cookie and get a new access token", security: [], response: { 200: LoginResult, 401: Problem } } },
    async (req, reply) => {
      try {
        const { result, refreshToken } = await refreshSession(publicCtx(req, services), req.cookies[REFRESH_COOKIE], sign, req.headers["user-agent"]);
        setRefreshCookie(reply, refreshToken, secure);
        return { ...result, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
      } catch (error) {
        clearRefreshCookie(reply, secure);
        throw error;
      }
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "End this session (revokes its refresh tokens)", security: [], response: { 204: NoContent } } },
    async (req, reply) => {
      await logout(publicCtx(req, services), req.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    { onRequest: app.authenticate, schema: { tags: ["auth"], summary: "The logged-in user", response: { 200: Me, ...problemResponses } } },
    async (req) => {
      const found = await loadUserWithOrg(ctxFor(req, services).db, { id: req.actor.userId });
      if (!found) throw new NotFound("user");
      return toMe(found);
    },
  );

  app.patch(
    "/api/me",
    {
      onRequest: app.authenticate,
      schema: { tags: ["auth"], summary: "Change your own language (emails and web app) or name", body: UpdateMe, response: { 200: Me, ...problemResponses } },
    },
    (req) => updateMe({ ctx: ctxFor(req, services), input: req.body }),
  );
}
