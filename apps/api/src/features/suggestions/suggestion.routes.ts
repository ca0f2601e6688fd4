import { IdParams, Suggestion } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { sendJson } from "../../lib/region-cache.ts";
import { suggestOpportunities } from "./suggest-opportunities.ts";

const Suggestions = z.array(Suggestion);
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
        response: { 200: Suggestions, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { actor } = req;
      // Cached per person and request (the access check ran when it was computed) and per
      // month (the ask counts are this month's), until anything in the region changes.
      const month = services.clock.now().toISOString().slice(0, 7);
      const key = `suggestions:${actor.userId}:${actor.role}:${actor.organizationId}:${req.params.id}:${req.query.limit}:${month}`;
      const body = await services.regionCache.get(actor.regionId, key, async () =>
        JSON.stringify(Suggestions.parse(await suggestOpportunities({ ctx: ctxFor(req, services), requestId: req.params.id, limit: req.query.limit }))),
      );
      return sendJson(reply, body);
    },
  );
}
