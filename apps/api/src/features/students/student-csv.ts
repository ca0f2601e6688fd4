import { type ProblemText, ValidationFailed, say, verbatim } from "@bridgework/domain";
import { Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import { unguardFormula } from "../../lib/csv-cell.ts";

export interface CsvRow {
  /** Line in the file where the record starts (header = line 1). */
  line: number;
  /** Cell by lower-cased header name. */
  get(column: string): string;
  has(column: string): boolean;
}

/** One problem of a row: the file's column it is about (null: the whole row) and the sentence as data. */
export interface RowProblem {
  field: string | null;
  text: ProblemText;
}

/** A row not imported, by its line in the file, with every problem found in it. */
export interface RowIssue {
  row: number;
  problems: RowProblem[];
}

/** A row issue worded in the reader's language: `message` joins the problems. */
export interface RowError {
  row: number;
  message: string;
  problems: { field: string | null; message: string }[];
}

/** Our own format, also what the export writes (plus `id`, `schoolName` and times, which the import ignores). */
export const STUDENT_COLUMNS = [
  "localId",
  "ssid",
  "firstName",
  "lastName",
  "birthDate",
  "grade",
  "schoolId",
  "guardianName",
  "guardianEmail",
  "guardianPhone",
  "guardianLanguage",
] as const;
/** The template's columns: `school` (a name, local code or id) stands for `schoolId`. */
export const TEMPLATE_COLUMNS = [
  "localId",
  "ssid",
  "firstName",
  "lastName",
  "birthDate",
  "grade",
  "school",
  "guardianName",
  "guardianEmail",
  "guardianPhone",
  "guardianLanguage",
] as const;
export const DEMOGRAPHIC_COLUMNS = ["gender", "raceEthnicity", "englishLearner", "disability", "lowIncome"] as const;

const CHUNK = 64 * 1024;

/**
 * Reads a CSV body into rows keyed by lower-cased header. A record the CSV grammar rejects
 * (wrong column count, stray quote) becomes a row error and the rest of the file is still read.
 * The body is streamed through the parser in chunks so a 10 MB file does not hold the event
 * loop for the whole parse.
 */
export async function readCsv(text: string): Promise<{ header: Set<string>; rows: CsvRow[]; errors: RowIssue[] }> {
  let header: string[] = [];
  const errors: RowIssue[] = [];
  const rows: CsvRow[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
    skip_empty_lines: true,
    relax_quotes: true,
    trim: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err)
        errors.push({
          row: (err as CsvError & { lines: number }).lines,
          problems: [{ field: null, text: say("import-row-unreadable", { detail: err.message }) }],
        });
    },
  });
  const has = (column: string) => header.includes(column.toLowerCase());
  try {
    Readable.from(chunks(text)).pipe(parser);
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      // info.lines is the record's last line; a quoted cell may hold line breaks.
      let breaks = 0;
      for (const value of Object.values(record)) if (value.includes("\n")) breaks += value.split("\n").length - 1;
      rows.push({
        line: info.lines - breaks,
        get: (column) => unguardFormula(record[column.toLowerCase()] ?? ""),
        has,
      });
    }
  } catch (error) {
    throw new ValidationFailed([{ path: "body", text: verbatim((error as Error).message) }], say("csv-unreadable"));
  }
  return { header: new Set(header), rows, errors };
}

function* chunks(text: string) {
  for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
}

export const yesNo = (value: boolean | null) => (value === null ? "" : value ? "Y" : "N");
