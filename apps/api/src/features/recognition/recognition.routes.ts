import {
  EmployerPreferences,
  IdParams,
  SendThankYouLetter,
  ThankYouLetterQuery,
  ThankYouLetterSent,
  UpdateEmployerPreferences,
} from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { getEmployerPreferences, updateEmployerPreferences } from "./employer-preferences.ts";
import { sendThankYouLetter, thankYouLetterPdf } from "./thank-you-letter.ts";

const tags = ["recognition"];

/** An employer's own engagement preferences, and the end-of-year thank-you letter. */
export async function recognitionRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/organizations/:id/preferences",
    {
      schema: {
        tags,
        summary:
          "An employer's engagement preferences: own ask cap, blackout months, preferred contact (that employer's users; intermediary)",
        params: IdParams,
        response: { 200: EmployerPreferences, ...problemResponses },
      },
    },
    (req) => getEmployerPreferences({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.patch(
    "/api/organizations/:id/preferences",
    {
      schema: {
        tags,
        summary:
          "Set an employer's preferences: its users may lower the ask cap (never above the intermediary's: 422), set blackout months (1–12) and a preferred contact among its users (else 422); the intermediary may set any cap",
        params: IdParams,
        body: UpdateEmployerPreferences,
        response: { 200: EmployerPreferences, ...problemResponses },
      },
    },
    (req) => updateEmployerPreferences({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.get(
    "/api/organizations/:id/thank-you-letter.pdf",
    {
      schema: {
        tags,
        summary:
          "The employer's thank-you letter for a school year as a one-page PDF, in its contact's language (that employer's users; intermediary); 422 when it did nothing that year",
        params: IdParams,
        querystring: ThankYouLetterQuery,
        produces: ["application/pdf"],
        response: { 200: z.any().describe("application/pdf"), ...problemResponses },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await thankYouLetterPdf({
        ctx: ctxFor(req, services),
        id: req.params.id,
        schoolYear: req.query.schoolYear,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/organizations/:id/thank-you-letter/send",
    {
      schema: {
        tags,
        summary:
          "Email the thank-you letter (PDF attached) to the employer's preferred contact or its users, each in their language (intermediary); 422 when there is nothing to thank for",
        params: IdParams,
        body: SendThankYouLetter,
        response: { 200: ThankYouLetterSent, ...problemResponses },
      },
    },
    (req) => sendThankYouLetter({ ctx: ctxFor(req, services), id: req.params.id, schoolYear: req.body.schoolYear }),
  );
}
