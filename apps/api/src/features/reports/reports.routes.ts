import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { wantsCsv } from "../../lib/reporting/csv-stream.ts";
import { employerReport } from "./employer-report.ts";
import { equityCsv, equityReport } from "./equity-report.ts";
import { placementReport, placementReportCsv } from "./placement-report.ts";
import {
  EmployerReport,
  EmployerReportQuery,
  EquityQuery,
  EquityReport,
  PlacementReport,
  PlacementReportQuery,
  UnmetDemandQuery,
  UnmetDemandReport,
} from "./reports.schemas.ts";
import { unmetDemandCsv, unmetDemandReport } from "./unmet-demand-report.ts";

const tags = ["reports"];
const who = "intermediary (region), coordinator (own district); teachers and employers 403";
const Csv = z.string().describe("text/csv, streamed");

export async function reportRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  const placementsSchema = {
    tags,
    querystring: PlacementReportQuery,
    response: { 200: PlacementReport, ...problemResponses },
  };
  app.get(
    "/api/reports/placements",
    {
      schema: {
        ...placementsSchema,
        summary: `Experiences, distinct students, seats, approved hours and employers by any dimensions, with exact totals; \`Accept: text/csv\` or \`format=csv\` streams the rows as CSV (${who})`,
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      if (wantsCsv(req, req.query.format)) return placementReportCsv({ ctx, input: req.query, reply });
      return placementReport({ ctx, input: req.query });
    },
  );
  app.get(
    "/api/reports/placements.csv",
    {
      schema: {
        ...placementsSchema,
        produces: ["text/csv"],
        response: { 200: Csv, ...problemResponses },
        summary: `The placement report's rows as streamed CSV (${who})`,
      },
    },
    (req, reply) => placementReportCsv({ ctx: ctxFor(req, services), input: req.query, reply }),
  );

  app.get(
    "/api/reports/unmet-demand",
    {
      schema: {
        tags,
        summary: `Open and expired requests no published opportunity of the region could serve (same or similar kind, enough seats, dates overlapping the window), by sector, kind and school (${who})`,
        querystring: UnmetDemandQuery,
        response: { 200: UnmetDemandReport, ...problemResponses },
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      if (wantsCsv(req, req.query.format)) return unmetDemandCsv({ ctx, input: req.query, reply });
      return unmetDemandReport({ ctx, input: req.query });
    },
  );

  app.get(
    "/api/reports/equity",
    {
      schema: {
        tags,
        summary: `Participation rate (students with a completed placement in the school year / students enrolled) by a demographic group; groups under 10 students are suppressed, with complementary suppression (${who})`,
        querystring: EquityQuery,
        response: { 200: EquityReport, ...problemResponses },
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      if (wantsCsv(req, req.query.format)) return equityCsv({ ctx, input: req.query, reply });
      return equityReport({ ctx, input: req.query });
    },
  );

  app.get(
    "/api/reports/employers",
    {
      schema: {
        tags,
        summary: `Employers by highest continuum level per school year, asks received vs accepted, host-again rate, and employers who only ever did exposure activities (${who})`,
        querystring: EmployerReportQuery,
        response: { 200: EmployerReport, ...problemResponses },
      },
    },
    (req) => employerReport({ ctx: ctxFor(req, services), input: req.query }),
  );
}
