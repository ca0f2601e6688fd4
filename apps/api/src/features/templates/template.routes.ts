import { Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { createTemplateVersion } from "./create-template-version.ts";
import { listTemplates } from "./list-templates.ts";
import { DocumentTemplate, TemplateKindParams, TemplateVersionInput } from "./template.schemas.ts";

const tags = ["templates"];

export async function templateRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/templates",
    {
      schema: {
        tags,
        summary: "Current version of each paperwork form, English and Spanish (intermediary, coordinator)",
        response: { 200: z.object({ items: z.array(DocumentTemplate) }), ...problemResponses },
      },
    },
    (req) => listTemplates({ ctx: ctxFor(req, services) }),
  );

  app.post(
    "/api/templates/:kind",
    {
      schema: {
        tags,
        summary: "Publish a new version of a form (intermediary); signed documents keep their version",
        params: TemplateKindParams,
        body: TemplateVersionInput,
        response: { 201: DocumentTemplate, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createTemplateVersion({ ctx: ctxFor(req, services), kind: req.params.kind, input: req.body })),
  );
}
