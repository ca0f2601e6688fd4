import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { SchoolYear } from "../../lib/reporting/report-schemas.ts";
import { ISSUES } from "./calpads.queries.ts";
import { exportCalpadsWbl } from "./export-calpads-wbl.ts";
import { listCalpadsIssues } from "./list-calpads-issues.ts";

const tags = ["exports"];

const CalpadsQuery = z.object({
  schoolYear: SchoolYear,
  districtId: z
    .uuid()
    .optional()
    .describe("Intermediaries: one district (default: the region); coordinators: only their own"),
  schoolId: z.uuid().optional(),
});

const ValidationQuery = CalpadsQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
});

const IssueCode = z.enum(Object.keys(ISSUES) as [keyof typeof ISSUES, ...(keyof typeof ISSUES)[]]);
const CalpadsValidation = z.object({
  schoolYear: z.string(),
  rows: z.array(
    z.object({
      placementId: z.uuid(),
      studentId: z.uuid(),
      localId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      school: z.string(),
      kind: z.string(),
      wblTypeCode: z.string(),
      reasons: z.array(z.object({ code: IssueCode, message: z.string() })),
    }),
  ),
  totals: z.object({ records: z.number().int(), exported: z.number().int(), withIssues: z.number().int() }),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export async function exportRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/exports/calpads-wbl.csv",
    {
      schema: {
        tags,
        summary:
          "CALPADS Work-Based Learning (WBLR) records of the school year, streamed as CSV: one per student per completed WBL placement in grades 9–12 (coordinator: own district; intermediary: region). Records missing a required field are left out; `X-Validation-Issues` says how many.",
        querystring: CalpadsQuery,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv, streamed"), ...problemResponses },
      },
    },
    (req, reply) => exportCalpadsWbl({ ctx: ctxFor(req, services), input: req.query, reply }),
  );

  app.get(
    "/api/exports/calpads-wbl/validation",
    {
      schema: {
        tags,
        summary:
          "The CALPADS WBLR records left out of the export, with the reasons (coordinator: own district; intermediary: region)",
        querystring: ValidationQuery,
        response: { 200: CalpadsValidation, ...problemResponses },
      },
    },
    (req) => listCalpadsIssues({ ctx: ctxFor(req, services), input: req.query }),
  );
}
