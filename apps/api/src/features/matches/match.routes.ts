import {
  AcceptMatch,
  BulkIds,
  BulkResult,
  CompleteMatch,
  CreateMatch,
  IdParams,
  Match,
  MatchDetail,
  MatchFeedback,
  MatchFeedbackInput,
  MatchListQuery,
  MatchSummary,
  pageOf,
  Problem,
  ReasonInput,
  ScheduleMatch,
  requireRole,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { bulkLanguage, forEachItem } from "../../lib/bulk.ts";
import { acceptMatch } from "./accept-match.ts";
import { approveMatch } from "./approve-match.ts";
import { completeMatch } from "./complete-match.ts";
import { createMatch } from "./create-match.ts";
import { cancelMatch, declineMatch } from "./end-match.ts";
import { getMatch } from "./get-match.ts";
import { giveMatchFeedback } from "./give-match-feedback.ts";
import { listMatches } from "./list-matches.ts";
import { scheduleMatch } from "./schedule-match.ts";

const tags = ["matches"];
const action = { tags, params: IdParams, response: { 200: Match, 409: Problem, 422: Problem, ...problemResponses } };

export async function matchRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/matches",
    {
      schema: {
        tags,
        summary: "Matches you may see, newest first (employers: from approval on)",
        querystring: MatchListQuery,
        response: { 200: pageOf(MatchSummary), ...problemResponses },
      },
    },
    (req) => listMatches({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.post(
    "/api/matches",
    {
      schema: {
        tags,
        summary:
          "Propose (teacher → proposed) or create an approved match (coordinator, intermediary); 409 duplicate for the same live pair",
        body: CreateMatch,
        response: { 201: Match, 409: Problem, 422: Problem, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createMatch({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.get(
    "/api/matches/:id",
    {
      schema: {
        tags,
        summary:
          "One match with its request, opportunity, history and the feedback the viewer may read (parties, coordinator, intermediary)",
        params: IdParams,
        response: { 200: MatchDetail, ...problemResponses },
      },
    },
    (req) => getMatch({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/matches/approve",
    {
      schema: {
        tags,
        summary:
          "Approve several proposals at once (coordinator, intermediary): each in turn, as the single approve; 200 with each item's outcome (a problem per failed item)",
        body: BulkIds,
        response: { 200: BulkResult, ...problemResponses },
      },
    },
    (req) => {
      const ctx = ctxFor(req, services);
      requireRole(ctx.actor, ["coordinator", "intermediary"]);
      return forEachItem(req.body.ids, bulkLanguage(req), req.log, (id) => approveMatch({ ctx, id }));
    },
  );

  app.post(
    "/api/matches/:id/approve",
    {
      schema: {
        ...action,
        summary:
          "proposed → approved (coordinator, intermediary); emails the employer; 422 ask-limit-reached past the monthly cap",
      },
    },
    (req) => approveMatch({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/matches/:id/accept",
    {
      schema: {
        ...action,
        body: AcceptMatch,
        summary:
          "approved → accepted, or scheduled with `scheduledAt` (employer, or intermediary on behalf); takes seats: 409 seats-unavailable",
      },
      // A plain "yes" needs no body.
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    (req) => acceptMatch({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/matches/:id/schedule",
    {
      schema: {
        ...action,
        body: ScheduleMatch,
        summary: "Set or change the time (accepted | scheduled → scheduled); sends an updated calendar invite",
      },
    },
    (req) => scheduleMatch({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/matches/:id/decline",
    {
      schema: {
        ...action,
        body: ReasonInput,
        summary: "The employer (or intermediary on behalf) declines; frees seats",
      },
    },
    (req) => declineMatch({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/matches/:id/cancel",
    {
      schema: {
        ...action,
        body: ReasonInput,
        summary: "Coordinator, intermediary or the teacher who asked cancels; frees seats",
      },
    },
    (req) => cancelMatch({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/matches/:id/complete",
    {
      schema: {
        ...action,
        body: CompleteMatch,
        summary: "accepted | scheduled → completed (coordinator, teacher); the request is fulfilled",
      },
    },
    (req) => completeMatch({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/matches/:id/feedback",
    {
      schema: {
        tags,
        summary:
          "Rate a completed engagement and say whether you would host again (teacher of the school, the employer); once per person",
        params: IdParams,
        body: MatchFeedbackInput,
        response: { 201: MatchFeedback, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await giveMatchFeedback({ ctx: ctxFor(req, services), id: req.params.id, input: req.body })),
  );
}
