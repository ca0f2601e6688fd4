import {
  ApproveInterest,
  DeclineInterest,
  IdParams,
  InterestCount,
  InterestDecision,
  InterestListQuery,
  InterestSubmission,
  MergeInterest,
  pageOf,
  Problem,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { approveInterest } from "./approve-interest.ts";
import { declineInterest } from "./decline-interest.ts";
import { countInterests, getInterest, listInterests } from "./list-interests.ts";
import { mergeInterest } from "./merge-interest.ts";

const tags = ["employer vetting"];

/** The intermediary's queue of confirmed "Get involved" submissions and its three decisions. */
export async function employerVettingRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/employer-interests",
    {
      schema: {
        tags,
        summary: "Confirmed Get involved submissions of your region, with likely duplicates (intermediary)",
        querystring: InterestListQuery,
        response: { 200: pageOf(InterestSubmission), ...problemResponses },
      },
    },
    (req) => listInterests({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/employer-interests/count",
    {
      schema: {
        tags,
        summary: "How many submissions wait for a decision (intermediary)",
        response: { 200: InterestCount, ...problemResponses },
      },
    },
    (req) => countInterests({ ctx: ctxFor(req, services) }),
  );

  app.get(
    "/api/employer-interests/:id",
    {
      schema: {
        tags,
        summary: "One submission with its likely duplicates (intermediary)",
        params: IdParams,
        response: { 200: InterestSubmission, ...problemResponses },
      },
    },
    (req) => getInterest({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/employer-interests/:id/approve",
    {
      schema: {
        tags,
        summary: "Approve as a new employer: organization, invitation, standing offers (intermediary)",
        params: IdParams,
        body: ApproveInterest.default({}),
        response: { 200: InterestDecision, 409: Problem, ...problemResponses },
      },
    },
    (req) => approveInterest({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/employer-interests/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge into an existing employer: contact, sectors, standing offers (intermediary)",
        params: IdParams,
        body: MergeInterest,
        response: { 200: InterestDecision, 409: Problem, ...problemResponses },
      },
    },
    (req) => mergeInterest({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/employer-interests/:id/decline",
    {
      schema: {
        tags,
        summary: "Decline with a reason; the contact gets a polite email (intermediary)",
        params: IdParams,
        body: DeclineInterest,
        response: { 200: InterestDecision, 409: Problem, ...problemResponses },
      },
    },
    (req) => declineInterest({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );
}
