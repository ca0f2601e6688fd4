import {
  CreateIdentityProvider,
  IdentityProvider,
  IdParams,
  Problem,
  UpdateIdentityProvider,
} from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import {
  createIdentityProvider,
  getIdentityProvider,
  listIdentityProviders,
  updateIdentityProvider,
} from "./manage-providers.ts";

const tags = ["single sign-on"];

/** The region's identity providers for district sign-in (intermediary). The client secret is write-only. */
export async function identityProviderRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/identity-providers",
    {
      schema: {
        tags,
        summary:
          "Your region's identity providers (OpenID Connect) for staff sign-in; secrets show only as set or not (intermediary)",
        response: { 200: z.array(IdentityProvider), ...problemResponses },
      },
    },
    (req) => listIdentityProviders({ ctx: ctxFor(req, services) }),
  );
  app.post(
    "/api/identity-providers",
    {
      schema: {
        tags,
        summary:
          "Add an identity provider for the region or one organization: issuer, client id and secret (stored encrypted, never returned), allowed email domains, whether first sign-ins create accounts (intermediary)",
        body: CreateIdentityProvider,
        response: { 201: IdentityProvider, 422: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIdentityProvider({ ctx: ctxFor(req, services), input: req.body })),
  );
  app.get(
    "/api/identity-providers/:id",
    {
      schema: {
        tags,
        summary: "One identity provider of your region (intermediary); another region's is 404",
        params: IdParams,
        response: { 200: IdentityProvider, ...problemResponses },
      },
    },
    (req) => getIdentityProvider({ ctx: ctxFor(req, services), id: req.params.id }),
  );
  app.patch(
    "/api/identity-providers/:id",
    {
      schema: {
        tags,
        summary:
          "Change or disable (`enabled: false`) an identity provider; `clientSecret` replaces the stored one, null removes it (intermediary)",
        params: IdParams,
        body: UpdateIdentityProvider,
        response: { 200: IdentityProvider, 422: Problem, ...problemResponses },
      },
    },
    (req) => updateIdentityProvider({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );
}
