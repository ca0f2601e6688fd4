import {
  CreateStudent,
  IdParams,
  ImportResult,
  pageOf,
  Problem,
  Student,
  StudentForTeacher,
  StudentListQuery,
  UpdateStudent,
} from "@bridgework/domain";
import { z } from "zod";
import type { App } from "../../lib/app-types.ts";
import { NoContent, problemResponses } from "../../lib/app-types.ts";
import { type AppServices, ctxFor } from "../../lib/context.ts";
import { sendCsvFile } from "../../lib/csv-writer.ts";
import { createStudent } from "./create-student.ts";
import { deleteStudent } from "./delete-student.ts";
import { exportStudents } from "./export-students.ts";
import { importStudents, prepareStudentImport, previewStudentImport } from "./import-students.ts";
import { createImportTracker, ImportStatus } from "./import-tracker.ts";
import { getStudent, listStudents } from "./list-students.ts";
import { readerLanguage } from "../../lib/reader-language.ts";
import { getStudentDemographics, StudentDemographics, studentImportTemplate } from "./student-demographics.ts";
import { updateStudent } from "./update-student.ts";
import { requireActor } from "../../plugins/auth.ts";

const tags = ["students"];
/** A district's roster: 10 MB is ~50,000 students in our columns. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** Coordinators and intermediaries get `Student`; teachers the limited `StudentForTeacher`. Never demographics. */
const StudentView = z.union([Student, StudentForTeacher]);
const ExportQuery = z.object({ districtId: z.uuid().optional() });
const ImportQuery = z.object({ async: z.stringbool().optional() });
const ProblemList = z.array(z.object({ field: z.string().nullable(), message: z.string() }));
const ImportPreview = z.object({
  format: z.enum(["bridgework", "oneroster"]),
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  errors: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int().describe("Line in the file (header = 1)"),
      outcome: z.enum(["create", "update", "error"]),
      localId: z.string().nullable(),
      name: z.string().nullable(),
      school: z.string().nullable(),
      problems: ProblemList.describe("Each problem names the file's column (`field`), in the reader's language"),
    }),
  ),
});

export async function studentRoutes(app: App, services: AppServices) {
  app.addHook("onRequest", app.authenticate);
  const imports = createImportTracker();

  app.get(
    "/api/students",
    {
      schema: {
        tags,
        summary:
          "Students you may see: district (coordinator), region (intermediary), own school with limited fields (teacher). Audited.",
        querystring: StudentListQuery,
        response: { 200: pageOf(StudentView), ...problemResponses },
      },
    },
    (req) => listStudents({ ctx: ctxFor(req, services), input: req.query }),
  );

  app.get(
    "/api/students/export.csv",
    {
      schema: {
        tags,
        summary:
          "A district's students as CSV, demographics included (coordinator: own district; intermediary: `districtId`). Audited.",
        querystring: ExportQuery,
        produces: ["text/csv"],
        response: {
          200: z.string().describe("CSV in the import's columns plus id, schoolName and times"),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const { filename, csv } = await exportStudents({ ctx: ctxFor(req, services), input: req.query });
      return sendCsvFile(reply, csv, filename);
    },
  );

  app.get(
    "/api/students/import-template.csv",
    {
      schema: {
        tags,
        summary:
          "A CSV template for the import: the columns with one example row (school by name; words in the reader's language) (coordinator, intermediary)",
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV: header and one example row"), ...problemResponses },
      },
    },
    async (req, reply) => {
      const csv = await studentImportTemplate({
        ctx: ctxFor(req, services),
        language: await readerLanguage(services.db, req),
      });
      return sendCsvFile(reply, csv, "students-template.csv");
    },
  );

  app.get(
    "/api/students/:id/demographics",
    {
      schema: {
        tags,
        summary: "One student's demographics, for editing them (coordinator: own district; intermediary). Audited.",
        params: IdParams,
        response: { 200: StudentDemographics, ...problemResponses },
      },
    },
    (req) => getStudentDemographics({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.get(
    "/api/students/imports/:id",
    {
      schema: {
        tags,
        summary: "Progress of an import started with `?async=1` (the person who started it)",
        params: IdParams,
        response: { 200: ImportStatus, ...problemResponses },
      },
    },
    (req) => imports.get(services.db, requireActor(req), req.params.id),
  );

  app.get(
    "/api/students/:id",
    {
      schema: {
        tags,
        summary: "One student (coordinator, intermediary; teacher: own school, limited fields). Audited.",
        params: IdParams,
        response: { 200: StudentView, ...problemResponses },
      },
    },
    (req) => getStudent({ ctx: ctxFor(req, services), id: req.params.id }),
  );

  app.post(
    "/api/students",
    {
      schema: {
        tags,
        summary: "Add a student (coordinator: own district; intermediary)",
        body: CreateStudent,
        response: { 201: Student, 409: Problem, ...problemResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createStudent({ ctx: ctxFor(req, services), input: req.body })),
  );

  app.patch(
    "/api/students/:id",
    {
      schema: {
        tags,
        summary: "Edit a student (coordinator: own district; intermediary)",
        params: IdParams,
        body: UpdateStudent,
        response: { 200: Student, 409: Problem, ...problemResponses },
      },
    },
    (req) => updateStudent({ ctx: ctxFor(req, services), id: req.params.id, input: req.body }),
  );

  app.delete(
    "/api/students/:id",
    {
      schema: {
        tags,
        summary:
          "Delete a student's data with their placements and paperwork (coordinator: own district; intermediary)",
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (req, reply) => {
      await deleteStudent({ ctx: ctxFor(req, services), id: req.params.id });
      return reply.status(204).send(null);
    },
  );

  // The import takes CSV only (JSON → 415 like any other wrong type); the parser lives in its
  // own scope so every other route keeps answering 415 to text/csv.
  await app.register(async (scope) => {
    const csvApp = scope as App;
    csvApp.removeAllContentTypeParsers();
    csvApp.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    csvApp.post(
      "/api/students/import",
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "Import or update students from CSV: our columns or a OneRoster users.csv (coordinator, intermediary). `?async=1` answers 202 with a progress id.",
          consumes: ["text/csv"],
          querystring: ImportQuery,
          body: z.string().describe("CSV text, header on line 1"),
          response: {
            200: ImportResult,
            202: z.object({ importId: z.uuid() }),
            413: Problem,
            415: Problem,
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        const ctx = ctxFor(req, services);
        const language = await readerLanguage(services.db, req);
        if (!req.query.async) return importStudents({ ctx, csv: req.body, language });
        // Header and row checks answer now (400); only the writing happens in the background.
        const prepared = await prepareStudentImport({ ctx, csv: req.body, language });
        return reply.status(202).send({ importId: await imports.start(ctx, prepared) });
      },
    );
    csvApp.post(
      "/api/students/import/preview",
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "What importing this CSV would do, saving nothing: each row's outcome (create, update, error with per-column problems in the reader's language). Lists every row in error and the first 500 others (coordinator, intermediary). Audited (counts).",
          consumes: ["text/csv"],
          body: z.string().describe("CSV text, header on line 1"),
          response: { 200: ImportPreview, 413: Problem, 415: Problem, ...problemResponses },
        },
      },
      async (req) =>
        previewStudentImport({
          ctx: ctxFor(req, services),
          csv: req.body,
          language: await readerLanguage(services.db, req),
        }),
    );
  });
}
