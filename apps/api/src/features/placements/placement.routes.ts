import {
  BulkIds,
  BulkResult,
  CreatePlacement,
  HoursInput,
  IdParams,
  InsuranceOverrideInput,
  pageOf,
  Problem,
  requireRole,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { bulkLanguage, forEachItem } from "../../lib/bulk.ts";
import { activatePlacement, completePlacement, withdrawPlacement } from "./change-placement-status.ts";
import { createPlacement } from "./create-placement.ts";
import { recordInsuranceOverride } from "./insurance-override.ts";
import { getPlacement, listPlacements } from "./list-placements.ts";
import { logHours } from "./log-hours.ts";
import { DocumentParams, HoursEntry, PlacementListQuery, PlacementView, WithdrawInput } from "./placement.schemas.ts";
import { resendDocument } from "./resend-document.ts";
import { resendPaperwork } from "./resend-paperwork.ts";

const tags = ["placements"];
/** Rule problems carry their facts (age and minimum, unsigned documents, insurance state) beside the detail. */
const RuleProblem = Problem.loose();
const action = { 200: PlacementView, 409: Problem, 422: RuleProblem, ...problemResponses };

export async function placementRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.post(
    "/api/placements",
    {
      schema: {
        tags,
        summary:
          "Place a student in a published opportunity: age rule, one seat, paperwork and sign links (coordinator, intermediary)",
        body: CreatePlacement,
        response: { 201: PlacementView, 409: Problem, 422: RuleProblem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPlacement({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.get(
    "/api/placements",
    {
      schema: {
        tags,
        summary:
          "Placements you may see (coordinator: district, teacher: school, intermediary: region, employer: its own, student name limited)",
        querystring: PlacementListQuery,
        response: { 200: pageOf(PlacementView), ...problemResponses },
      },
    },
    (req) => listPlacements({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/placements/:id",
    {
      schema: {
        tags,
        summary: "One placement with its documents, insurance and hours",
        params: IdParams,
        response: { 200: PlacementView, ...problemResponses },
      },
    },
    (req) => getPlacement({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/placements/:id/activate",
    {
      schema: {
        tags,
        summary: "ready → active; 422 paperwork-incomplete or insurance-required (coordinator, intermediary)",
        params: IdParams,
        response: action,
      },
    },
    (req) => activatePlacement({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/placements/:id/complete",
    {
      schema: {
        tags,
        summary: "active → completed; the supervisor gets an evaluation link (coordinator, intermediary)",
        params: IdParams,
        response: action,
      },
    },
    (req) => completePlacement({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/placements/:id/withdraw",
    {
      schema: {
        tags,
        summary: "End a placement early: frees its seat, revokes open links (coordinator, intermediary)",
        params: IdParams,
        body: WithdrawInput,
        response: action,
      },
    },
    (req) => withdrawPlacement({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/placements/:id/insurance-override",
    {
      schema: {
        tags,
        summary: "Record a rider or waiver standing in for the employer's certificate (coordinator, intermediary)",
        params: IdParams,
        body: InsuranceOverrideInput,
        response: action,
      },
    },
    (req) => recordInsuranceOverride({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/placements/:id/documents/:documentId/resend",
    {
      schema: {
        tags,
        summary:
          "Email the document's signer a fresh packet link for all of their unsigned documents; their earlier sign links are revoked (coordinator, intermediary)",
        params: DocumentParams,
        response: action,
      },
    },
    (req) => resendDocument({ ctx: ctxFor(req, services), id: req.params.id, documentId: req.params.documentId }),
  );

  app.post(
    "/api/placements/paperwork/resend",
    {
      schema: {
        tags,
        summary:
          "Resend the unsigned paperwork of several placements at once (coordinator, intermediary): each as the single resend; 200 with each item's outcome (409 when all is signed)",
        body: BulkIds,
        response: { 200: BulkResult, ...problemResponses },
      },
    },
    (req) => {
      const ctx = ctxFor(req, services);
      requireRole(ctx.actor, ["coordinator", "intermediary"]);
      return forEachItem(req.body.ids, bulkLanguage(req), req.log, (id) => resendPaperwork({ ctx, id }));
    },
  );

  app.post(
    "/api/placements/:id/documents/resend",
    {
      schema: {
        tags,
        summary:
          "Email every signer with unsigned documents a fresh packet link; their earlier sign links are revoked; 409 when all is signed (coordinator, intermediary)",
        params: IdParams,
        response: action,
      },
    },
    (req) => resendPaperwork({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/placements/:id/hours",
    {
      schema: {
        tags,
        summary:
          "Log pending hours on an active placement; the supervisor gets an approval link (coordinator, teacher of the school, intermediary)",
        params: IdParams,
        body: HoursInput,
        response: { 201: HoursEntry, 409: Problem, 422: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await logHours({ ctx: ctxFor(req, services), id: req.params.id, input: req.body })),
  );
}
