import {
  EmployerRelationship,
  GrowInvitation,
  GrowList,
  IdParams,
  Problem,
  SendGrowInvitation,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { readerLanguage } from "../../lib/reader-language.ts";
import { getRelationship } from "./get-relationship.ts";
import { listGrow } from "./list-grow.ts";
import { sendGrowInvitation } from "./send-grow-invitation.ts";

const tags = ["employers"];

export async function employerRelationshipRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/employers/grow",
    {
      schema: {
        tags,
        summary: "Employers ready for the next step along the continuum, strongest first (intermediary)",
        description:
          "Each item names the grow rule met, the kind to invite to, the reason (caller's language) and this month's ask state: `capReached` or `blackoutNow` means an invitation would be refused now.",
        response: { 200: GrowList, ...problemResponses },
      },
    },
    async (req) => listGrow({ ctx: ctxFor(req, services), language: await readerLanguage(services.db, req) }),
  );

  app.get(
    "/api/employers/:id/relationship",
    {
      schema: {
        tags,
        summary:
          "One employer's relationship with the region: timeline, contacts, insurance, asks (intermediary; coordinator read-only, own district's asks)",
        params: IdParams,
        response: { 200: EmployerRelationship, ...problemResponses },
      },
    },
    (req) => getRelationship({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/employers/:id/grow-invitations",
    {
      schema: {
        tags,
        summary: "Invite an employer to the next step (intermediary); counts as an ask",
        description:
          "Emails the employer's preferred contact (else its first active user) in their language. 422 `ask-limit-reached` past the monthly cap, 422 `blackout-month` in one of the employer's blackout months (region's zone), 422 `rule-violation` when the rule is not met now.",
        params: IdParams,
        body: SendGrowInvitation,
        response: { 201: GrowInvitation, 422: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await sendGrowInvitation({ ctx: ctxFor(req, services), id: req.params.id, input: req.body })),
  );
}
