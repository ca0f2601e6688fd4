import {
  ConfirmInterestInput,
  ConfirmInterestResult,
  EmployerInterestAccepted,
  EmployerInterestInput,
  Problem,
  PublicRegion,
  PublicRegionParams,
} from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { type AppServices, publicCtx } from "../../lib/context.ts";
import { confirmInterest } from "./confirm-interest.ts";
import { publicRegions, regionBySlug } from "./employer-interest.queries.ts";
import { submitInterest } from "./submit-interest.ts";

const tags = ["employer interest"];
/** The form is a few kilobytes at its limits; anything far larger is refused before parsing (413). */
const BODY_LIMIT = 64 * 1024;

/** The public "Get involved" page's API: no login; the emailed link is what makes a submission count. */
export async function employerInterestRoutes(app: App, services: AppServices) {
  app.get(
    "/api/public/regions",
    {
      schema: {
        tags,
        summary: "Every region's public name and slug, for choosing where to get involved (public)",
        security: [],
        response: { 200: z.array(PublicRegion) },
      },
    },
    () => publicRegions(services.db),
  );

  app.get(
    "/api/public/regions/:slug",
    {
      schema: {
        tags,
        summary: "A region's public name, for its Get involved page (public); 404 for an unknown slug",
        security: [],
        params: PublicRegionParams,
        response: { 200: PublicRegion, 400: Problem, 404: Problem },
      },
    },
    async (req) => {
      const { slug, name } = await regionBySlug(services.db, req.params.slug);
      return { slug, name };
    },
  );

  app.post(
    "/api/public/regions/:slug/interest",
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary:
          "A company offers to help (public): 202 and a confirmation email to its contact; it counts only once the emailed link is followed (7 days). 429 past 5 submissions an hour from one address or 3 a day for one email",
        security: [],
        params: PublicRegionParams,
        body: EmployerInterestInput,
        response: { 202: EmployerInterestAccepted, 400: Problem, 404: Problem, 413: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      await submitInterest(publicCtx(req, services), { slug: req.params.slug, body: req.body, ip: req.ip });
      return reply.status(202).send({ status: "check-your-email" });
    },
  );

  app.post(
    "/api/public/interest/confirm",
    {
      schema: {
        tags,
        summary:
          "Confirm a Get involved submission with its emailed token (public): it then reaches the intermediary's queue. Again → `already-confirmed`; expired → 410; unknown → 404",
        security: [],
        body: ConfirmInterestInput,
        response: { 200: ConfirmInterestResult, 400: Problem, 404: Problem, 410: Problem },
      },
    },
    (req) => confirmInterest(publicCtx(req, services), req.body.token),
  );
}
