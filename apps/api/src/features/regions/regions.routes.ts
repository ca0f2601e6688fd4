import { Problem, Region, UpdateRegion } from "@bridgework/domain";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { getRegion } from "./get-region.ts";
import { updateRegion } from "./update-region.ts";

const tags = ["regions"];

export async function regionRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  app.get(
    "/api/region",
    {
      schema: {
        tags,
        summary: "Your region: its name and the time zone every time is shown in (any signed-in user)",
        response: { 200: Region, ...problemResponses },
      },
    },
    (req) => getRegion({ ctx: ctxFor(req, services) }),
  );
  app.patch(
    "/api/region",
    {
      schema: {
        tags,
        summary:
          "Set your region's time zone, an IANA name such as America/Los_Angeles (422 `unknown-time-zone` otherwise), and/or `studentRetentionYears` (1–50, null = keep): students are erased that many years after their last activity (intermediary)",
        body: UpdateRegion,
        response: { 200: Region, 422: Problem, ...problemResponses },
      },
    },
    (req) => updateRegion({ ctx: ctxFor(req, services), input: req.body }),
  );
}
