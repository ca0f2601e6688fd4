import {
  CreateOrganization,
  IdParams,
  Organization,
  OrganizationListQuery,
  pageOf,
  Problem,
  UpdateOrganization,
} from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { createOrganization } from "./create-organization.ts";
import { listOrganizations } from "./list-organizations.ts";
import { toOrganization } from "./organization.queries.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { updateOrganization } from "./update-organization.ts";
import { requireActor } from "../../plugins/auth.ts";

const tags = ["organizations"];

export async function organizationRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/organizations",
    {
      schema: {
        tags,
        summary: "Organizations of your region (all roles)",
        querystring: OrganizationListQuery,
        response: { 200: pageOf(Organization), ...problemResponses },
      },
    },
    (req) => listOrganizations({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/organizations/:id",
    {
      schema: {
        tags,
        summary: "One organization of your region (all roles)",
        params: IdParams,
        response: { 200: Organization, ...problemResponses },
      },
    },
    async (req) =>
      toOrganization(await findOrganizationInRegion(services.db, requireActor(req).regionId, req.params.id)),
  );

  app.post(
    "/api/organizations",
    {
      schema: {
        tags,
        summary: "Add an organization (intermediary)",
        body: CreateOrganization,
        response: { 201: Organization, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createOrganization({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.patch(
    "/api/organizations/:id",
    {
      schema: {
        tags,
        summary: "Edit an organization (intermediary)",
        params: IdParams,
        body: UpdateOrganization,
        response: { 200: Organization, 409: Problem, ...problemResponses },
      },
    },
    (req) => updateOrganization({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );
}
