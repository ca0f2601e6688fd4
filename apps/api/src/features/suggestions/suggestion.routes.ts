import { IdParams, Suggestion } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { suggestOpportunities } from "./suggest-opportunities.ts";

const SuggestionQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export async function suggestionRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/requests/:id/suggestions",
    {
      schema: {
        tags: ["requests"],
        summary: "Opportunities this request could use, best first, with a score (0–1) and reasons (teacher, coordinator, intermediary)",
        params: IdParams,
        querystring: SuggestionQuery,
        response: { 200: z.array(Suggestion), ...problemResponses },
      },
    },
    (req) => suggestOpportunities({ ctx: ctxFor(req, services), requestId: req.params.id, limit: req.query.limit }),
  );
}
