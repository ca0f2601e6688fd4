import {
  AddedEventStudents,
  AddEventStudents,
  EventStudentList,
  EventStudentParams,
  IdParams,
  Problem,
  ReplaceVolunteers,
  ScheduleBuilt,
  ScheduleQuery,
  ScheduleView,
  VolunteersReplaced,
} from "@bridgework/domain";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { sendCsvFile } from "../../lib/csv-writer.ts";
import { readerLanguage } from "../../lib/reader-language.ts";
import { buildSchedule, getSchedule, replaceVolunteers } from "./build-schedule.ts";
import { addEventStudents, listEventStudents, removeEventStudent } from "./event-students.ts";
import {
  badgesPdf,
  type FileOut,
  rubricResultsCsv,
  rubricResultsPdf,
  schedulesPdf,
  volunteerHoursCsv,
} from "./printables.ts";

const tags = ["event schedule"];
const pdfResponse = { 200: z.any().describe("application/pdf"), ...problemResponses };
const csvResponse = { 200: z.string().describe("text/csv"), ...problemResponses };

const sendPdf = (reply: FastifyReply, file: FileOut) =>
  reply
    .type("application/pdf")
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.body);

/**
 * An event's students, the built interview schedule, the no-show replacement and the printables.
 * Those who run the event do everything; a teacher of a taking-part school reads their own
 * school's students, schedule, badges and rubric results.
 */
export async function eventScheduleRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/api/events/:id/students",
    {
      schema: {
        tags,
        summary: "Students taking part with school, grade, pathway, badge code, check-in and interviews (audited)",
        params: IdParams,
        response: { 200: EventStudentList, ...problemResponses },
      },
    },
    (req) => listEventStudents({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/events/:id/students",
    {
      schema: {
        tags,
        summary:
          "Add a taking-part school's students (optionally one grade, with the pathway they come with) or a list; already added ones are skipped",
        params: IdParams,
        body: AddEventStudents,
        response: { 200: AddedEventStudents, 409: Problem, 422: Problem, ...problemResponses },
      },
    },
    (req) => addEventStudents({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.delete(
    "/api/events/:id/students/:eventStudentId",
    {
      schema: {
        tags,
        summary: "Take a student out of the event (their interviews go too)",
        params: EventStudentParams,
        response: { 204: NoContent, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) => {
      await removeEventStudent({
        ctx: ctxFor(req, services),
        id: req.params.id,
        eventStudentId: req.params.eventStudentId,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/events/:id/schedule",
    {
      schema: {
        tags,
        summary:
          "Build the interview schedule (interview-style events, before the day); answers totals and the students short of interviews with why",
        params: IdParams,
        response: { 200: ScheduleBuilt, 409: Problem, ...problemResponses },
      },
    },
    (req) => buildSchedule({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.get(
    "/api/events/:id/schedule",
    {
      schema: {
        tags,
        summary: "The built schedule grouped by student, volunteer or station (audited)",
        params: IdParams,
        querystring: ScheduleQuery,
        response: { 200: ScheduleView, ...problemResponses },
      },
    },
    (req) => getSchedule({ ctx: ctxFor(req, services), id: req.params.id, by: req.query.by }),
  );

  app.post(
    "/api/events/:id/schedule/replace",
    {
      schema: {
        tags,
        summary: "Volunteers cancelled or did not come: move only their slots to free interviewers",
        params: IdParams,
        body: ReplaceVolunteers,
        response: { 200: VolunteersReplaced, 409: Problem, 422: Problem, ...problemResponses },
      },
    },
    (req) => replaceVolunteers({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.get(
    "/api/events/:id/schedules.pdf",
    {
      schema: {
        tags,
        summary: "The schedule as a PDF, one page per interviewer, student or table (reader's language, region's zone)",
        params: IdParams,
        querystring: ScheduleQuery,
        produces: ["application/pdf"],
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      return sendPdf(reply, await schedulesPdf(ctx, req.params.id, req.query.by, await readerLanguage(ctx.db, req)));
    },
  );

  app.get(
    "/api/events/:id/badges.pdf",
    {
      schema: {
        tags,
        summary: "Name badges, eight a page, with the badge code as text and QR code",
        params: IdParams,
        produces: ["application/pdf"],
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      return sendPdf(reply, await badgesPdf(ctx, req.params.id, await readerLanguage(ctx.db, req)));
    },
  );

  app.get(
    "/api/events/:id/rubric-results.pdf",
    {
      schema: {
        tags,
        summary: "Rubric results per student, for the teacher (PDF)",
        params: IdParams,
        produces: ["application/pdf"],
        response: pdfResponse,
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      return sendPdf(reply, await rubricResultsPdf(ctx, req.params.id, await readerLanguage(ctx.db, req)));
    },
  );

  app.get(
    "/api/events/:id/rubric-results.csv",
    {
      schema: {
        tags,
        summary: "Rubric results, one row per interview: scores per criterion, comment, average (CSV)",
        params: IdParams,
        produces: ["text/csv"],
        response: csvResponse,
      },
    },
    async (req, reply) => {
      const ctx = ctxFor(req, services);
      const file = await rubricResultsCsv(ctx, req.params.id, await readerLanguage(ctx.db, req));
      return sendCsvFile(reply, file.body as string, file.filename);
    },
  );

  app.get(
    "/api/events/:id/volunteer-hours.csv",
    {
      schema: {
        tags,
        summary: "Volunteer hours per employer, confirmed volunteers who checked in only (CSV)",
        params: IdParams,
        produces: ["text/csv"],
        response: csvResponse,
      },
    },
    async (req, reply) => {
      const file = await volunteerHoursCsv(ctxFor(req, services), req.params.id);
      return sendCsvFile(reply, file.body as string, file.filename);
    },
  );
}
