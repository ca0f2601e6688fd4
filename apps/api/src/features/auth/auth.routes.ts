import {
  LoginInput,
  LoginResult,
  Me,
  NotFound,
  PasswordResetInfo,
  PasswordResetInput,
  PasswordResetRequest,
  Problem,
  UpdateMe,
} from "@bridgework/domain";
import { z } from "zod";
import type { AppServices } from "../../lib/context.ts";
import { ctxFor, publicCtx } from "../../lib/context.ts";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { ACCESS_TOKEN_TTL_SECONDS } from "../../plugins/auth.ts";
import { loadUserWithOrg, toMe } from "../../lib/auth/actor.ts";
import { login } from "./login.ts";
import { logout, refreshSession } from "./refresh.ts";
import { updateMe } from "./update-me.ts";
import { requestPasswordReset, resetPassword, showPasswordReset } from "./password-reset.ts";

const ResetTokenParams = z.object({ token: z.string().min(20).max(200) });
import { REFRESH_COOKIE, clearRefreshCookie, setRefreshCookie } from "../../lib/auth/refresh-tokens.ts";
import { requireActor } from "../../plugins/auth.ts";

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
    {
      schema: {
        tags: ["auth"],
        summary: "Rotate the refresh cookie and get a new access token",
        security: [],
        response: { 200: LoginResult, 401: Problem },
      },
    },
    async (req, reply) => {
      try {
        const { result, refreshToken } = await refreshSession(
          publicCtx(req, services),
          req.cookies[REFRESH_COOKIE],
          sign,
          req.headers["user-agent"],
        );
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
    {
      schema: {
        tags: ["auth"],
        summary: "End this session (revokes its refresh tokens)",
        security: [],
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await logout(publicCtx(req, services), req.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Forgot password: email a one-time reset link (1 hour) if the address has an active account; 204 either way; 429 per address or IP",
        security: [],
        body: PasswordResetRequest,
        response: { 204: NoContent, 400: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      // The email is looked up and written after the answer: known or not, it leaves as fast.
      await requestPasswordReset(publicCtx(req, services), { email: req.body.email, ip: req.ip });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/password-reset/:token",
    {
      schema: {
        tags: ["auth"],
        summary: "Whose password a reset link sets (does not use it); 410 when used or expired",
        security: [],
        params: ResetTokenParams,
        response: { 200: PasswordResetInfo, 400: Problem, 410: Problem },
      },
    },
    (req) => showPasswordReset(publicCtx(req, services), req.params.token),
  );

  app.post(
    "/api/auth/password-reset/:token",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Set a new password with a reset link (uses it); every session of the person ends; 410 when used or expired",
        security: [],
        params: ResetTokenParams,
        body: PasswordResetInput,
        response: { 204: NoContent, 400: Problem, 410: Problem },
      },
    },
    async (req, reply) => {
      await resetPassword(publicCtx(req, services), req.params.token, { ...req.body, ip: req.ip });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      onRequest: app.authenticate,
      schema: { tags: ["auth"], summary: "The logged-in user", response: { 200: Me, ...problemResponses } },
    },
    async (req) => {
      const found = await loadUserWithOrg(ctxFor(req, services).db, { id: requireActor(req).userId });
      if (!found) throw new NotFound("user");
      return toMe(found);
    },
  );

  app.patch(
    "/api/me",
    {
      onRequest: app.authenticate,
      schema: {
        tags: ["auth"],
        summary: "Change your own language (emails and web app) or name",
        body: UpdateMe,
        response: { 200: Me, ...problemResponses },
      },
    },
    (req) => updateMe({ ctx: ctxFor(req, services), input: req.body }),
  );
}
