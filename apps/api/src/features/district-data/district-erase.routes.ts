import { IdParams, Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { prepareDistrictErasure } from "./erase-district.ts";
import { createErasureTracker, ErasureStatus } from "./erase-tracker.ts";
import { requireActor } from "../../plugins/auth.ts";

const tags = ["district data"];
const EraseBody = z.object({
  confirm: z.string().max(500).describe("The district's exact name, typed by the person erasing"),
});
const ErasureParams = IdParams.extend({ erasureId: z.uuid() });

export async function districtEraseRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  const erasures = createErasureTracker();

  app.post(
    "/api/districts/:id/erase",
    {
      schema: {
        tags,
        summary:
          "Erase every student of the district and every record naming them; audit rows are pseudonymized and report totals kept (intermediary). `confirm` must be the district's exact name (422 `confirmation-mismatch` otherwise). Answers 202 at once; follow the progress at `/erasures/:erasureId`.",
        params: IdParams,
        body: EraseBody,
        response: { 202: ErasureStatus, 422: Problem, ...problemResponses },
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      const erasure = await prepareDistrictErasure({ ctx, districtId: req.params.id, confirm: req.body.confirm });
      return reply
        .status(202)
        .header("cache-control", "no-store")
        .send(await erasures.start(ctx, erasure));
    },
  );

  app.get(
    "/api/districts/:id/erasures/:erasureId",
    {
      schema: {
        tags,
        summary: "Progress of a district's erasure (intermediary of the region)",
        params: ErasureParams,
        response: { 200: ErasureStatus, ...problemResponses },
      },
    },
    (req) => erasures.get(services.db, requireActor(req), req.params.id, req.params.erasureId),
  );
}
