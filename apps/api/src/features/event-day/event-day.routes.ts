import {
  BoardQuery,
  CheckInCode,
  CheckInResult,
  EventBoard,
  EventStudentParams,
  EventVolunteerParams,
  IdParams,
  NoShowInput,
  NoShowResult,
  Problem,
  requireRole,
  SavedScore,
  ScoreInput,
  VolunteerInterviewParams,
  VolunteerSchedule,
  VolunteerTokenParams,
} from "@bridgework/domain";
import { hashLinkToken } from "@bridgework/db";
import type { FastifyRequest } from "fastify";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, type Ctx, ctxFor, publicCtx } from "../../lib/context.ts";
import { eventBoard } from "./board.ts";
import { checkInByCode, setCheckedIn } from "./check-in.ts";
import { createLinkRateLimit } from "./link-rate-limit.ts";
import { markNoShows } from "./no-shows.ts";
import { saveScore, volunteerSchedule } from "./volunteer-link.ts";

const tags = ["event day"];

/** Those who run the event (the intermediary, the district's coordinator); others 403, another's event 404. */
function runnerCtx(req: FastifyRequest, services: AppServices): Ctx {
  const ctx = ctxFor(req, services);
  requireRole(ctx.actor, ["intermediary", "coordinator"]);
  return ctx;
}

/** The coordinator's phone on the day: check-in, no-shows, the live board. */
export async function eventDayRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.post(
    "/api/events/:id/check-in",
    {
      schema: {
        tags,
        summary:
          "Check in by badge code (case and spaces ignored) of a volunteer or student of this event; a second scan answers alreadyCheckedIn; an unknown code 404 (intermediary, coordinator)",
        params: IdParams,
        body: CheckInCode,
        response: { 200: CheckInResult, ...problemResponses },
      },
    },
    (req) => checkInByCode(runnerCtx(req, services), req.params.id, req.body.code),
  );

  for (const kind of ["volunteer", "student"] as const) {
    const path =
      kind === "volunteer"
        ? "/api/events/:id/check-in/volunteers/:volunteerId"
        : "/api/events/:id/check-in/students/:eventStudentId";
    const params = kind === "volunteer" ? EventVolunteerParams : EventStudentParams;
    const targetOf = (p: Record<string, string>) => (kind === "volunteer" ? p.volunteerId! : p.eventStudentId!);
    app.post(
      path,
      {
        schema: {
          tags,
          summary: `Check in a ${kind} from the list (intermediary, coordinator)`,
          params,
          response: { 200: CheckInResult, ...problemResponses },
        },
      },
      (req) => setCheckedIn(runnerCtx(req, services), req.params.id, kind, targetOf(req.params), true),
    );
    app.delete(
      path,
      {
        schema: {
          tags,
          summary: `Undo a mistaken check-in of a ${kind} (intermediary, coordinator)`,
          params,
          response: { 200: CheckInResult, ...problemResponses },
        },
      },
      (req) => setCheckedIn(runnerCtx(req, services), req.params.id, kind, targetOf(req.params), false),
    );
  }

  app.post(
    "/api/events/:id/no-shows",
    {
      schema: {
        tags,
        summary:
          "Mark volunteers as not coming: cancelled, and only their interviews move to others; answers slots moved and students now short (intermediary, coordinator)",
        params: IdParams,
        body: NoShowInput,
        response: { 200: NoShowResult, 422: Problem, ...problemResponses },
      },
    },
    (req) => markNoShows(runnerCtx(req, services), req.params.id, req.body),
  );

  app.get(
    "/api/events/:id/board",
    {
      schema: {
        tags,
        summary:
          "The live board at `at` (default now): stations with now and next, students due soon and not in, counts, and the check-in lists (intermediary, coordinator)",
        params: IdParams,
        querystring: BoardQuery,
        response: { 200: EventBoard, ...problemResponses },
      },
    },
    (req) => eventBoard(runnerCtx(req, services), req.params.id, req.query.at),
  );
}

/** The interviewer's or judge's one-time link: no account, the token is the credential. */
export async function volunteerLinkRoutes(app: App, services: AppServices) {
  const take = createLinkRateLimit();
  const limited = (token: string) => take(hashLinkToken(token), services.clock.now());

  app.get(
    "/api/public/volunteer/:token",
    {
      schema: {
        tags,
        summary:
          "A volunteer's own schedule (students as first name and last initial), the rubric and their saved scores (public, link token); cancelled or archived 410; 429 past 120 requests a minute",
        security: [],
        params: VolunteerTokenParams,
        response: { 200: VolunteerSchedule, 400: Problem, 404: Problem, 410: Problem, 429: Problem },
      },
    },
    (req) => {
      limited(req.params.token);
      return volunteerSchedule(publicCtx(req, services), req.params.token);
    },
  );

  app.put(
    "/api/public/volunteer/:token/interviews/:interviewId/score",
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        summary:
          "Save the rubric of one of the volunteer's own interviews (partial allowed; `complete` says all criteria are scored). Idempotent: a retry overwrites the one row (public, link token)",
        security: [],
        params: VolunteerInterviewParams,
        body: ScoreInput,
        response: { 200: SavedScore, 400: Problem, 404: Problem, 410: Problem, 422: Problem, 429: Problem },
      },
    },
    (req) => {
      limited(req.params.token);
      return saveScore(publicCtx(req, services), req.params.token, req.params.interviewId, req.body);
    },
  );
}
