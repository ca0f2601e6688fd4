import { setImmediate as yieldToLoop } from "node:timers/promises";
import {
  CreateStudent,
  type GuardianLanguage,
  type ImportResult,
  type PersonActor,
  renderProblemText,
  requireRole,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { oneRosterFormat, ONEROSTER_COLUMNS } from "./oneroster-users.ts";
import { schoolsInScope, type StudentValues, toStudentValues } from "./student.queries.ts";
import { readCsv, type RowError, type RowIssue, type RowProblem } from "./student-csv.ts";
import {
  bridgeworkFormat,
  type Candidate,
  type CsvFormat,
  normalizeWord,
  type UpdatePlan,
} from "./student-csv-format.ts";
import { UPSERT_BATCH, upsertStudents } from "./student-upsert.ts";

/** The file checked and mapped, nothing written yet. */
export interface PreparedImport {
  actor: PersonActor;
  format: CsvFormat["name"];
  plan: UpdatePlan;
  rows: StudentValues[];
  /** For each of `rows`: its line in the file and its school's name (the preview shows them). */
  lines: { row: number; school: string }[];
  /** Rows not imported, worded in the reader's language, with the row's id and name when it has them. */
  errors: (RowError & { localId?: string; name?: string })[];
  /** Rows to write plus rows in error (a OneRoster file's staff and guardian rows are not counted). */
  total: number;
}

export interface ImportProgress extends ImportResult {
  processed: number;
  total: number;
}

const RowInput = CreateStudent.omit({ schoolId: true });

/**
 * Reads the CSV (ours or OneRoster users.csv), finds each row's school among the importer's,
 * validates it with the domain schema and drops repeats of a (district, localId) already seen
 * in the file. A bad row becomes `{row, message}` with its line number; a school outside the
 * importer's scope reads exactly like one that does not exist.
 */
export async function prepareStudentImport({
  ctx,
  csv,
  language = "en",
}: {
  ctx: Ctx;
  csv: string;
  language?: GuardianLanguage;
}): Promise<PreparedImport> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  // A NUL byte means a binary upload (an .xlsx, say), not CSV text; PostgreSQL text could not hold it anyway.
  if (csv.includes("\u0000"))
    throw new ValidationFailed([{ path: "body", text: say("csv-nul-bytes") }], say("csv-not-text"));
  const { header, rows, errors: unreadable } = await readCsv(csv);
  const format = header.has("localid")
    ? bridgeworkFormat(header, rows)
    : ONEROSTER_COLUMNS.every((c) => header.has(c.toLowerCase()))
      ? oneRosterFormat(header, rows)
      : unknownHeader();
  const schools = await schoolsInScope(ctx.db, actor);
  // By id, by name whatever its case, accents or spacing ("valley high" is Valley High), or by
  // local code whatever its case ("vhs" is VHS). A name wins over another school's code.
  const byRef = new Map(schools.flatMap((s) => [[s.id, s] as const, [normalizeWord(s.name), s] as const]));
  const byCode = new Map(schools.flatMap((s) => (s.localCode ? [[s.localCode.trim().toLowerCase(), s] as const] : [])));
  const schoolOf = (ref: string) =>
    byRef.get(ref) ?? byRef.get(normalizeWord(ref)) ?? byCode.get(ref.trim().toLowerCase());
  const scope = actor.role === "coordinator" ? "district" : "region";
  const word = (issue: RowIssue, who?: { localId?: string; name?: string }): PreparedImport["errors"][number] => {
    const problems = issue.problems.map((p) => ({ field: p.field, message: renderProblemText(p.text, language) }));
    return { row: issue.row, message: [...new Set(problems.map((p) => p.message))].join("; "), problems, ...who };
  };
  const errors = [...unreadable, ...format.skipped].map((issue) => word(issue));
  const ready: StudentValues[] = [];
  const lines: PreparedImport["lines"] = [];
  const firstLine = new Map<string, number>();
  for (const [i, candidate] of format.candidates.entries()) {
    // Validating 50,000 rows takes a while: let other requests through now and then.
    if (i % 2000 === 1999) await yieldToLoop();
    const school = candidate.schoolRefs.map(schoolOf).find(Boolean);
    const parsed = RowInput.safeParse(candidate.input);
    const problems = [...candidate.errors, ...(school ? [] : [format.unknownSchool(candidate.schoolRefs, scope)])];
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => problemFor(issue, candidate, format)));
    const who = {
      localId: String(candidate.input.localId ?? "") || undefined,
      name: [candidate.input.firstName, candidate.input.lastName].filter(Boolean).join(" ") || undefined,
    };
    if (problems.length || !parsed.success || !school) {
      errors.push(word({ row: candidate.line, problems }, who));
      continue;
    }
    const key = `${school.districtId}\u0000${parsed.data.localId}`;
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      errors.push(
        word(
          {
            row: candidate.line,
            problems: [
              { field: "localId", text: say("import-local-id-repeats", { localId: parsed.data.localId, line: seen }) },
            ],
          },
          who,
        ),
      );
      continue;
    }
    firstLine.set(key, candidate.line);
    ready.push(toStudentValues(actor, school, { ...parsed.data, schoolId: school.id }));
    lines.push({ row: candidate.line, school: school.name });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    actor,
    format: format.name,
    plan: format.update,
    rows: ready,
    lines,
    errors,
    total: ready.length + errors.length,
  };
}

/** How many rows the preview lists besides the rows in error (all of which it lists). */
export const PREVIEW_LISTED = 500;

export interface ImportPreview {
  format: PreparedImport["format"];
  total: number;
  create: number;
  update: number;
  errors: number;
  rows: {
    row: number;
    outcome: "create" | "update" | "error";
    localId: string | null;
    name: string | null;
    school: string | null;
    problems: RowError["problems"];
  }[];
}

/**
 * What an import of this file would do, without saving: each row would create a student, update
 * the student with the same localId in the district, or is in error with one message per
 * problem naming the file's column. Side effect: an audit row with the counts.
 */
export async function previewStudentImport({
  ctx,
  csv,
  language,
}: {
  ctx: Ctx;
  csv: string;
  language: GuardianLanguage;
}): Promise<ImportPreview> {
  const prepared = await prepareStudentImport({ ctx, csv, language });
  const { rows: existing } = await ctx.db.execute<{ district_id: string; local_id: string }>(sql`
    SELECT district_id, local_id FROM students
    WHERE region_id = ${ctx.actor.regionId}
      AND (district_id, local_id) IN (SELECT * FROM unnest(${sql.param(prepared.rows.map((r) => r.districtId))}::uuid[], ${sql.param(prepared.rows.map((r) => r.localId))}::text[]))`);
  const known = new Set(existing.map((r) => `${r.district_id}\u0000${r.local_id}`));
  const outcomes = prepared.rows.map(
    (r) => (known.has(`${r.districtId}\u0000${r.localId}`) ? "update" : "create") as "create" | "update",
  );
  const listed: ImportPreview["rows"] = [
    ...prepared.rows.slice(0, PREVIEW_LISTED).map((r, i) => ({
      row: prepared.lines[i]!.row,
      outcome: outcomes[i]!,
      localId: r.localId,
      name: `${r.firstName} ${r.lastName}`,
      school: prepared.lines[i]!.school,
      problems: [],
    })),
    ...prepared.errors.map((e) => ({
      row: e.row,
      outcome: "error" as const,
      localId: e.localId ?? null,
      name: e.name ?? null,
      school: null,
      problems: e.problems,
    })),
  ].sort((a, b) => a.row - b.row);
  const update = outcomes.filter((o) => o === "update").length;
  const counts = { total: prepared.total, create: outcomes.length - update, update, errors: prepared.errors.length };
  await audit(ctx.db, ctx.actor, "preview", "student", null, { format: prepared.format, ...counts });
  return { format: prepared.format, ...counts, rows: listed };
}

/**
 * Upserts the prepared rows in batches, all in one transaction with one `import` audit row
 * holding the counts, so an import is either wholly recorded or not at all.
 */
export async function runStudentImport({
  ctx,
  prepared,
  onProgress,
}: {
  ctx: Ctx;
  prepared: PreparedImport;
  onProgress?: (p: ImportProgress) => void;
}): Promise<ImportResult> {
  const { actor, rows } = prepared;
  const errors = prepared.errors.map(({ row, message }) => ({ row, message }));
  const result = { created: 0, updated: 0, errors };
  const report = (written: number) =>
    onProgress?.({ ...result, processed: errors.length + written, total: prepared.total });
  report(0);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const counts = await upsertStudents(tx, rows.slice(i, i + UPSERT_BATCH), prepared.plan);
      result.created += counts.created;
      result.updated += counts.updated;
      report(Math.min(i + UPSERT_BATCH, rows.length));
    }
    await audit(tx, actor, "import", "student", null, {
      format: prepared.format,
      rows: prepared.total,
      created: result.created,
      updated: result.updated,
      errors: errors.length,
    });
  });
  return result;
}

/** The synchronous import: prepare, then write. */
export async function importStudents({
  ctx,
  csv,
  language,
}: {
  ctx: Ctx;
  csv: string;
  language?: GuardianLanguage;
}): Promise<ImportResult> {
  return runStudentImport({ ctx, prepared: await prepareStudentImport({ ctx, csv, language }) });
}

function unknownHeader(): never {
  throw new ValidationFailed([{ path: "body", text: say("csv-header-expected") }], say("csv-unknown-format"));
}

/** A row problem in the file's own column names, quoting the cell that failed. */
function problemFor(issue: z.core.$ZodIssue, candidate: Candidate, format: CsvFormat): RowProblem {
  const path = issue.path.join(".");
  const column = format.column(path);
  const raw = issue.path.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | null | undefined)?.[key],
    candidate.input,
  );
  if (raw === undefined || raw === null || raw === "")
    return { field: column, text: say("import-cell-missing", { column }) };
  const cell = String(raw).length > 40 ? `${String(raw).slice(0, 40)}…` : String(raw);
  if (path === "grade") return { field: column, text: say("import-grade-invalid", { column, cell }) };
  if (path === "birthDate") return { field: column, text: say("import-date-invalid", { column, cell }) };
  if (path === "guardian.email") return { field: column, text: say("import-email-invalid", { column, cell }) };
  if (path === "ssid") return { field: column, text: say("import-ssid-invalid", { column, cell }) };
  return { field: column, text: say("import-cell-invalid", { column, cell, detail: issue.message }) };
}
