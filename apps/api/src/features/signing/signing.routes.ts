import {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  GUARDIAN_LANGUAGES,
  IdParams,
  Problem,
  SIGNER_ROLES,
  SignInput,
} from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor, publicCtx } from "../../lib/context.ts";
import { documentPdf } from "./document-pdf.ts";
import { signDocument } from "./sign-document.ts";
import { showSignLink } from "./show-sign-link.ts";

const TokenParams = z.object({ token: z.string().min(20).max(200) });
const tags = ["signing"];

const SignView = z.object({
  documentId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  text: z.string(),
  language: z.enum(GUARDIAN_LANGUAGES),
  templateVersion: z.number().int(),
  status: z.enum(DOCUMENT_STATUSES),
  dueOn: z.iso.date(),
  signer: z.object({ name: z.string(), role: z.enum(SIGNER_ROLES), roleLabel: z.string() }),
  placement: z.object({
    summary: z.string(),
    opportunityTitle: z.string(),
    employerName: z.string(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    supervisorName: z.string(),
  }),
  /** Where this document stands among the link's documents (a single-document link is a packet of one). */
  packet: z.object({
    position: z.number().int(),
    total: z.number().int(),
    signed: z.number().int(),
    documents: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.enum(DOCUMENT_STATUSES) })),
  }),
  expiresAt: z.iso.datetime({ offset: true }),
});

const SignBody = SignInput.extend({
  documentId: z.uuid().optional().describe("The document shown; required for a packet link"),
});

const Signed = z.object({
  documentId: z.uuid(),
  status: z.literal("signed"),
  signedAt: z.iso.datetime({ offset: true }),
  textSha256: z.string(),
  placementReady: z.boolean(),
  remaining: z
    .number()
    .int()
    .describe("The signer's documents still to sign through this link (0: the link is used up)"),
});

/** Public sign links (the link is the credential) and the signed PDF for district staff. */
export async function signingRoutes(app: App, services: AppServices) {
  app.get(
    "/api/sign/:token",
    {
      schema: {
        tags,
        security: [],
        summary:
          "The document to sign now behind a sign link (one document, or the next of a signer's packet), in the signer's language (never uses the link)",
        params: TokenParams,
        response: { 200: SignView, 400: Problem, 410: Problem },
      },
    },
    (req) => showSignLink(publicCtx(req, services), req.params.token),
  );

  app.post(
    "/api/sign/:token",
    {
      schema: {
        tags,
        security: [],
        summary:
          "Sign one document with a typed name (a single link is used up; a packet link with the signer's last document; used, expired or revoked → 410; a packet document already signed → 409)",
        params: TokenParams,
        body: SignBody,
        response: { 200: Signed, 400: Problem, 409: Problem, 410: Problem },
      },
    },
    (req) =>
      signDocument(publicCtx(req, services), req.params.token, req.body, {
        ip: req.ip,
        userAgent: req.headers["user-agent"] ?? "",
      }),
  );

  await app.register(async (plugin) => {
    const scope = plugin as App;
    scope.addHook("onRequest", scope.authenticate);
    scope.get(
      "/api/documents/:id/pdf",
      {
        schema: {
          tags,
          summary: "The signed PDF copy of a document (coordinator of the district, intermediary)",
          params: IdParams,
          produces: ["application/pdf"],
          response: { 200: z.any().describe("application/pdf"), ...problemResponses },
        },
      },
      async (req, reply) => {
        const { pdf, filename } = await documentPdf({ ctx: ctxFor(req, services), id: req.params.id });
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${filename}"`)
          .send(pdf);
      },
    );
  });
}
