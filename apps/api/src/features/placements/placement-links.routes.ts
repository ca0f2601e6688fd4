import { EvaluationInput, Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { type AppServices, publicCtx } from "../../lib/context.ts";
import { showEvaluation, submitEvaluation } from "./evaluation-link.ts";
import { decideHours, HoursDecisions, showHours } from "./hours-link.ts";

const TokenParams = z.object({ token: z.string().min(20).max(200) });
const tags = ["links"];
const errors = { 400: Problem, 410: Problem };

const Summary = z.object({
  studentName: z.string(),
  opportunityTitle: z.string(),
  employerName: z.string(),
  schoolName: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  supervisorName: z.string(),
});

/** Public: the worksite supervisor's one-time links. Opening never uses a link; answering does. */
export async function placementLinkRoutes(app: App, services: AppServices) {
  app.get(
    "/api/hours/:token",
    {
      schema: {
        tags,
        security: [],
        summary: "Hours waiting for the supervisor's approval (does not use the link)",
        params: TokenParams,
        response: {
          200: z.object({
            placement: Summary,
            entries: z.array(
              z.object({ id: z.uuid(), date: z.iso.date(), hours: z.number(), note: z.string().nullable() }),
            ),
          }),
          ...errors,
        },
      },
    },
    (req) => showHours(publicCtx(req, services), req.params.token),
  );
  app.post(
    "/api/hours/:token",
    {
      schema: {
        tags,
        security: [],
        summary: "Approve or reject pending hours (uses the link)",
        params: TokenParams,
        body: HoursDecisions,
        response: { 200: z.object({ approved: z.number().int(), rejected: z.number().int() }), ...errors },
      },
    },
    (req) => decideHours(publicCtx(req, services), req.params.token, req.body),
  );
  app.get(
    "/api/evaluate/:token",
    {
      schema: {
        tags,
        security: [],
        summary: "The placement a supervisor is asked to evaluate (does not use the link)",
        params: TokenParams,
        response: { 200: z.object({ placement: Summary, expiresAt: z.iso.datetime({ offset: true }) }), ...errors },
      },
    },
    (req) => showEvaluation(publicCtx(req, services), req.params.token),
  );
  app.post(
    "/api/evaluate/:token",
    {
      schema: {
        tags,
        security: [],
        summary:
          'Evaluate the student, or record "not provided by employer" (given: false), and whether you would host again (uses the link)',
        params: TokenParams,
        body: EvaluationInput,
        response: {
          201: z.object({
            given: z.boolean(),
            rating: z.number().int().nullable(),
            comments: z.string().nullable(),
            hostAgain: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitEvaluation(publicCtx(req, services), req.params.token, req.body)),
  );
}
