import {
  IdParams,
  Opportunity,
  OpportunityListQuery,
  CreateOpportunity,
  pageOf,
  Problem,
  UpdateOpportunity,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { queryKey, sendJson } from "../../lib/region-cache.ts";
import { closeOpportunity, pauseOpportunity, publishOpportunity } from "./change-opportunity-status.ts";
import { createOpportunity } from "./create-opportunity.ts";
import { listOpportunitiesByEmployer } from "./list-opportunities.ts";
import { searchCatalog } from "./search-catalog.ts";
import { findVisibleOpportunity, toOpportunity } from "../../lib/queries/opportunities.ts";
import { updateOpportunity } from "./update-opportunity.ts";
import { requireActor } from "../../plugins/auth.ts";

const tags = ["opportunities"];
const OpportunityPage = pageOf(Opportunity);

const stateChange = { tags, params: IdParams, response: { 200: Opportunity, 409: Problem, ...problemResponses } };

export async function opportunityRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/opportunities",
    {
      schema: {
        tags,
        summary:
          "Opportunities you may see, filtered; `q` searches title and description (all roles; teachers see published ones); choosers add `sort=employer`, `forPlacement`, `studentId`",
        querystring: OpportunityListQuery,
        response: { 200: OpportunityPage, ...problemResponses },
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      const list = async () =>
        req.query.sort === "employer"
          ? JSON.stringify(OpportunityPage.parse(await listOpportunitiesByEmployer({ ctx, input: req.query })))
          : searchCatalog({ ctx, catalog: services.catalog, input: req.query });
      // Teachers and coordinators search the region's shared catalog (published, resp. not
      // draft): one cached answer per query serves all of them until the catalog changes.
      const { role, regionId } = ctx.actor;
      // A student's age filter checks (and audits) that student on every call: never cached.
      if ((role !== "teacher" && role !== "coordinator") || req.query.studentId) return sendJson(reply, await list());
      const body = await services.regionCache.get(regionId, `opportunities:${role}:${queryKey(req.query)}`, list);
      return sendJson(reply, body);
    },
  );

  app.get(
    "/api/opportunities/:id",
    {
      schema: {
        tags,
        summary: "One opportunity you may see (all roles)",
        params: IdParams,
        response: { 200: Opportunity, ...problemResponses },
      },
    },
    async (req) => toOpportunity(await findVisibleOpportunity(services.db, requireActor(req), req.params.id)),
  );

  app.post(
    "/api/opportunities",
    {
      schema: {
        tags,
        summary: "Post an opportunity as a draft (employer for its own organization; intermediary names `employerId`)",
        body: CreateOpportunity,
        response: { 201: Opportunity, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createOpportunity({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.patch(
    "/api/opportunities/:id",
    {
      schema: {
        tags,
        summary: "Edit an opportunity (owner employer, intermediary); not once closed",
        params: IdParams,
        body: UpdateOpportunity,
        response: { 200: Opportunity, 409: Problem, ...problemResponses },
      },
    },
    (req) => updateOpportunity({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.post(
    "/api/opportunities/:id/publish",
    { schema: { ...stateChange, summary: "Publish a draft or paused opportunity (owner, intermediary)" } },
    (req) => publishOpportunity({ ctx: ctxFor(req, services), id: req.params.id }),
  );
  app.post(
    "/api/opportunities/:id/pause",
    { schema: { ...stateChange, summary: "Pause a published opportunity (owner, intermediary)" } },
    (req) => pauseOpportunity({ ctx: ctxFor(req, services), id: req.params.id }),
  );
  app.post(
    "/api/opportunities/:id/close",
    { schema: { ...stateChange, summary: "Close an opportunity for good (owner, intermediary)" } },
    (req) => closeOpportunity({ ctx: ctxFor(req, services), id: req.params.id }),
  );
}
