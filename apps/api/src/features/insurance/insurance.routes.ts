import { IdParams, InsuranceInput, PageQuery, pageOf } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { Certificate } from "./insurance.queries.ts";
import { listInsurance } from "./list-insurance.ts";
import { recordInsurance } from "./record-insurance.ts";

const tags = ["insurance"];

const EmployerInsurance = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  status: Certificate.shape.status,
  certificate: Certificate.nullable(),
});

export async function insuranceRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.post(
    "/api/organizations/:id/insurance",
    {
      schema: {
        tags,
        summary: "Record an employer's certificate of insurance (intermediary; an employer for its own organization)",
        params: IdParams,
        body: InsuranceInput,
        response: { 201: Certificate, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordInsurance({ ctx: ctxFor(req, services), employerId: req.params.id, input: req.body })),
  );

  app.get(
    "/api/insurance",
    {
      schema: {
        tags,
        summary: "Employers of your region with their latest certificate: valid, expiring (30 days), expired or missing (intermediary, coordinator)",
        querystring: PageQuery,
        response: { 200: pageOf(EmployerInsurance), ...problemResponses },
      },
    },
    (req) => listInsurance({ ctx: ctxFor(req, services), input: req.query }),
  );
}
