import {
  CancelRequestInput,
  CreateRequest,
  IdParams,
  pageOf,
  Problem,
  RequestListItem,
  RequestListQuery,
  WblRequest,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { cancelRequest } from "./cancel-request.ts";
import { createRequest } from "./create-request.ts";
import { getRequest, listRequests } from "./list-requests.ts";

const tags = ["requests"];

export async function requestRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/requests",
    {
      schema: {
        tags,
        summary:
          "Requests of your school, district or region, newest first, each with its asks (employer, state, scheduled time) (teacher, coordinator, intermediary)",
        querystring: RequestListQuery,
        response: { 200: pageOf(RequestListItem), ...problemResponses },
      },
    },
    (req) => listRequests({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/requests/:id",
    {
      schema: {
        tags,
        summary: "One request you may see (teacher, coordinator, intermediary)",
        params: IdParams,
        response: { 200: WblRequest, ...problemResponses },
      },
    },
    (req) => getRequest({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/requests",
    {
      schema: {
        tags,
        summary:
          "Ask for a speaker, tour, shadow or placement (teacher for own school; coordinator, intermediary name `schoolId`)",
        body: CreateRequest,
        response: { 201: WblRequest, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createRequest({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.post(
    "/api/requests/:id/cancel",
    {
      schema: {
        tags,
        summary:
          "Cancel an open or matched request and its live matches, with an optional reason (teacher who asked, coordinator, intermediary)",
        params: IdParams,
        body: CancelRequestInput,
        response: { 200: WblRequest, 409: Problem, ...problemResponses },
      },
      // No reason, no body.
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    (req) => cancelRequest({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );
}
