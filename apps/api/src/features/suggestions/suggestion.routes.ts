import { IdParams, Suggestion } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { readerLanguage } from "../../lib/reader-language.ts";
import { sendJson } from "../../lib/region-cache.ts";
import { suggestOpportunities } from "./suggest-opportunities.ts";
import { requireActor } from "../../plugins/auth.ts";

const Suggestions = z.array(Suggestion);
const SuggestionQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export async function suggestionRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/requests/:id/suggestions",
    {
      schema: {
        tags: ["requests"],
        summary:
          "Opportunities this request could use, best first, with a score (0–1) and reasons (teacher, coordinator, intermediary)",
        description:
          "Each reason is `{ code, params, label }`: `params` carries the facts (days the dates share with the window, past host-again answers, this month's asks and the cap…) so a client can word it; `label` is worded in the caller's language (their saved language, else `Accept-Language`).",
        params: IdParams,
        querystring: SuggestionQuery,
        response: { 200: Suggestions, ...problemResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Cached per person and request (the access check ran when it was computed), per month
      // (the ask counts are this month's) and per label language, until anything in the
      // region changes.
      const month = services.clock.now().toISOString().slice(0, 7);
      const language = await readerLanguage(services.db, req);
      const key = `suggestions:${actor.userId}:${actor.role}:${actor.organizationId}:${req.params.id}:${req.query.limit}:${month}:${language}`;
      const body = await services.regionCache.get(actor.regionId, key, async () =>
        // Built from typed rows (the schema above is what OpenAPI shows); not parsed again here.
        JSON.stringify(
          await suggestOpportunities({
            ctx: ctxFor(req, services),
            catalog: services.catalog,
            requestId: req.params.id,
            limit: req.query.limit,
            language,
          }),
        ),
      );
      return sendJson(reply, body);
    },
  );
}
