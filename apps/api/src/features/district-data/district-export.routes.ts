import { DistrictExport, DistrictExportParams, IdParams, Problem } from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { downloadDistrictExport } from "./export-download.ts";
import { exportableDistrict, findExport, recentExports } from "./export.queries.ts";
import { startDistrictExport } from "./export-start.ts";
import { requireActor } from "../../plugins/auth.ts";

const tags = ["district data"];
const who = "coordinator: own district; intermediary: any district of the region";

/** A district's data in its own hands: the export of every record about its students (routes only). */
export async function districtExportRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  // Exports name students; no cache may keep even their list.
  app.addHook("onSend", async (_req, reply) => {
    reply.header("cache-control", "no-store");
  });

  app.post(
    "/api/districts/:id/export",
    {
      schema: {
        tags,
        summary: `Start exporting everything about the district's students as a ZIP (${who}). 202 with the export; while one is queued or running, 200 with that one. Audited.`,
        params: IdParams,
        response: { 200: DistrictExport, 202: DistrictExport, ...problemResponses },
      },
    },
    async (req, reply) => {
      const started = await startDistrictExport({ ctx: ctxFor(req, services), districtId: req.params.id });
      return reply.status(started.created ? 202 : 200).send(started.export);
    },
  );

  app.get(
    "/api/districts/:id/exports",
    {
      schema: {
        tags,
        summary: `The district's 20 most recent exports, newest first (${who})`,
        params: IdParams,
        response: { 200: z.array(DistrictExport), ...problemResponses },
      },
    },
    async (req) => {
      const district = await exportableDistrict(services.db, requireActor(req), req.params.id);
      return recentExports(services.db, district.id);
    },
  );

  app.get(
    "/api/districts/:id/exports/:exportId",
    {
      schema: {
        tags,
        summary: `One export's progress: status, step, percent, size once done (${who})`,
        params: DistrictExportParams,
        response: { 200: DistrictExport, ...problemResponses },
      },
    },
    async (req) => {
      const district = await exportableDistrict(services.db, requireActor(req), req.params.id);
      return findExport(services.db, district.id, req.params.exportId);
    },
  );

  app.get(
    "/api/districts/:id/exports/:exportId/download",
    {
      schema: {
        tags,
        summary: `The finished ZIP (${who}); 409 until it is done, 404 once expired. Audited.`,
        params: DistrictExportParams,
        produces: ["application/zip"],
        response: { 200: z.any().describe("application/zip"), 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { fileName, content } = await downloadDistrictExport({
        ctx: ctxFor(req, services),
        districtId: req.params.id,
        exportId: req.params.exportId,
      });
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(content);
    },
  );
}
