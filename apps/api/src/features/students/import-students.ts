import { setImmediate as yieldToLoop } from "node:timers/promises";
import { CreateStudent, type ImportResult, type PersonActor, requireRole, ValidationFailed, say } from "@bridgework/domain";
import type { z } from "zod";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { oneRosterFormat, ONEROSTER_COLUMNS } from "./oneroster-users.ts";
import { schoolsInScope, type StudentValues, toStudentValues } from "./student.queries.ts";
import { readCsv, type RowError } from "./student-csv.ts";
import { bridgeworkFormat, type Candidate, type CsvFormat, type UpdatePlan } from "./student-csv-format.ts";
import { UPSERT_BATCH, upsertStudents } from "./student-upsert.ts";

/** The file checked and mapped, nothing written yet. */
export interface PreparedImport {
  actor: PersonActor;
  format: CsvFormat["name"];
  plan: UpdatePlan;
  rows: StudentValues[];
  errors: RowError[];
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
export async function prepareStudentImport({ ctx, csv }: { ctx: Ctx; csv: string }): Promise<PreparedImport> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  // A NUL byte means a binary upload (an .xlsx, say), not CSV text; PostgreSQL text could not hold it anyway.
  if (csv.includes("\u0000")) throw new ValidationFailed([{ path: "body", text: say("csv-nul-bytes") }], say("csv-not-text"));
  const { header, rows, errors } = await readCsv(csv);
  const format = header.has("localid")
    ? bridgeworkFormat(header, rows)
    : ONEROSTER_COLUMNS.every((c) => header.has(c.toLowerCase()))
      ? oneRosterFormat(header, rows)
      : unknownHeader();
  const schools = await schoolsInScope(ctx.db, actor);
  const byRef = new Map(schools.flatMap((s) => [[s.id, s] as const, [s.name, s] as const]));
  const scope = actor.role === "coordinator" ? "district" : "region";
  errors.push(...format.skipped);
  const ready: StudentValues[] = [];
  const firstLine = new Map<string, number>();
  for (const [i, candidate] of format.candidates.entries()) {
    // Validating 50,000 rows takes a while: let other requests through now and then.
    if (i % 2000 === 1999) await yieldToLoop();
    const school = candidate.schoolRefs.map((ref) => byRef.get(ref)).find(Boolean);
    const parsed = RowInput.safeParse(candidate.input);
    const messages = [...candidate.errors, ...(school ? [] : [format.unknownSchool(candidate.schoolRefs, scope)])];
    if (!parsed.success) messages.push(...parsed.error.issues.map((issue) => messageFor(issue, candidate, format)));
    if (messages.length || !parsed.success || !school) {
      errors.push({ row: candidate.line, message: [...new Set(messages)].join("; ") });
      continue;
    }
    const key = `${school.districtId}\u0000${parsed.data.localId}`;
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      errors.push({ row: candidate.line, message: `localId "${parsed.data.localId}" repeats line ${seen}; only the first is imported` });
      continue;
    }
    firstLine.set(key, candidate.line);
    ready.push(toStudentValues(actor, school, { ...parsed.data, schoolId: school.id }));
  }
  errors.sort((a, b) => a.row - b.row);
  return { actor, format: format.name, plan: format.update, rows: ready, errors, total: ready.length + errors.length };
}

/**
 * Upserts the prepared rows in batches, all in one transaction with one `import` audit row
 * holding the counts, so an import is either wholly recorded or not at all.
 */
export async function runStudentImport({ ctx, prepared, onProgress }: { ctx: Ctx; prepared: PreparedImport; onProgress?: (p: ImportProgress) => void }): Promise<ImportResult> {
  const { actor, rows, errors } = prepared;
  const result = { created: 0, updated: 0, errors };
  const report = (written: number) => onProgress?.({ ...result, processed: errors.length + written, total: prepared.total });
  report(0);
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const counts = await upsertStudents(tx, rows.slice(i, i + UPSERT_BATCH), prepared.plan);
      result.created += counts.created;
      result.updated += counts.updated;
      report(Math.min(i + UPSERT_BATCH, rows.length));
    }
    await audit(tx, actor, "import", "student", null, { format: prepared.format, rows: prepared.total, created: result.created, updated: result.updated, errors: errors.length });
  });
  return result;
}

/** The synchronous import: prepare, then write. */
export async function importStudents({ ctx, csv }: { ctx: Ctx; csv: string }): Promise<ImportResult> {
  return runStudentImport({ ctx, prepared: await prepareStudentImport({ ctx, csv }) });
}

function unknownHeader(): never {
  throw new ValidationFailed(
    [{ path: "body", text: say("csv-header-expected") }],
    say("csv-unknown-format"),
  );
}

/** A row message in the file's own column names, quoting the cell that failed. */
function messageFor(issue: z.core.$ZodIssue, candidate: Candidate, format: CsvFormat): string {
  const path = issue.path.join(".");
  const column = format.column(path);
  const raw = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | null | undefined)?.[key], candidate.input);
  if (raw === undefined || raw === null || raw === "") return `${column} missing`;
  const cell = String(raw).length > 40 ? `${String(raw).slice(0, 40)}…` : String(raw);
  if (path === "grade") return `${column} "${cell}" is not a grade from 6 to 12`;
  if (path === "birthDate") return `${column} "${cell}" is not a date (YYYY-MM-DD)`;
  return `${column} "${cell}": ${issue.message}`;
}
