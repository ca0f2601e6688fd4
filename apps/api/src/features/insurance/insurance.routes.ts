import { IdParams, InsuranceInput, MAX_CERTIFICATE_BYTES, PageQuery, pageOf, Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { BlockedEmployer, listBlockedPlacements, requestCertificate } from "./blocked-placements.ts";
import { certificateFile, employerInsurance } from "./employer-insurance.ts";
import { Certificate } from "./insurance.queries.ts";
import { listInsurance } from "./list-insurance.ts";
import { recordInsurance } from "./record-insurance.ts";

const tags = ["insurance"];

/** A 5 MB file is about 6.7 MB of base64; the rest of the JSON is small. */
const CERTIFICATE_BODY_LIMIT = Math.ceil((MAX_CERTIFICATE_BYTES * 4) / 3) + 1024 * 1024;

const EmployerInsurance = z.object({
  employerId: z.uuid(),
  employerName: z.string(),
  status: Certificate.shape.status,
  certificate: Certificate.nullable(),
});

const EmployerInsuranceHistory = EmployerInsurance.extend({ history: z.array(Certificate) });

export async function insuranceRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.post(
    "/api/organizations/:id/insurance",
    {
      bodyLimit: CERTIFICATE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          "Record an employer's certificate of insurance, with its file (intermediary; an employer for its own organization)",
        description:
          "JSON body. `file` (optional) is the certificate itself: `{name, contentBase64}`, a PDF, PNG or JPEG of at most 5 MB once decoded. Its type is read from its first bytes, never from the name; an empty, oversized or other file is 400 with `errors[].path` `file`.",
        params: IdParams,
        body: InsuranceInput,
        response: { 201: Certificate, 413: Problem, ...problemResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await recordInsurance({ ctx: ctxFor(req, services), employerId: req.params.id, input: req.body })),
  );

  app.get(
    "/api/organizations/:id/insurance",
    {
      schema: {
        tags,
        summary:
          "An employer's insurance status and every certificate it filed, newest first (the employer's own people; coordinators and intermediary of the region)",
        params: IdParams,
        response: { 200: EmployerInsuranceHistory, ...problemResponses },
      },
    },
    (req) => employerInsurance({ ctx: ctxFor(req, services), employerId: req.params.id }),
  );

  app.post(
    "/api/organizations/:id/insurance/request",
    {
      schema: {
        tags,
        summary:
          "Email the employer's active users asking for a current certificate, listing the placements waiting on it (coordinator, intermediary; once a day per person)",
        params: IdParams,
        response: {
          202: z.object({ recipients: z.number().int(), sent: z.number().int() }),
          422: Problem,
          ...problemResponses,
        },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await requestCertificate({ ctx: ctxFor(req, services), employerId: req.params.id })),
  );

  app.get(
    "/api/insurance/certificates/:id/file",
    {
      schema: {
        tags,
        summary:
          "Download a certificate's file (the employer's own people; coordinators and intermediary of the region); audited",
        params: IdParams,
        produces: ["application/pdf", "image/png", "image/jpeg"],
        response: {
          200: z.any().describe("the certificate file (application/pdf, image/png or image/jpeg)"),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const file = await certificateFile({ ctx: ctxFor(req, services), certificateId: req.params.id });
      return reply
        .type(file.contentType)
        .header(
          "content-disposition",
          `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.content);
    },
  );

  app.get(
    "/api/insurance/blocked",
    {
      schema: {
        tags,
        summary:
          "Employers whose insurance holds up open placements (missing, expired, or expiring before the start; no rider or waiver), each with the placements and students it blocks (coordinator: their district; intermediary)",
        response: { 200: z.object({ items: z.array(BlockedEmployer) }), ...problemResponses },
      },
    },
    (req) => listBlockedPlacements({ ctx: ctxFor(req, services) }),
  );

  app.get(
    "/api/insurance",
    {
      schema: {
        tags,
        summary:
          "Employers of your region with their latest certificate: valid, expiring (30 days), expired or missing (intermediary, coordinator)",
        querystring: PageQuery,
        response: { 200: pageOf(EmployerInsurance), ...problemResponses },
      },
    },
    (req) => listInsurance({ ctx: ctxFor(req, services), input: req.query }),
  );
}
