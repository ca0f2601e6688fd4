import { ValidationFailed, say } from "@bridgework/domain";
import type { StudentValues } from "./student.queries.ts";
import { type CsvRow, DEMOGRAPHIC_COLUMNS, type RowError } from "./student-csv.ts";

/** A row mapped to the shape of `CreateStudent` (minus `schoolId`), not yet validated. */
export interface Candidate {
  line: number;
  input: Record<string, unknown>;
  /** Ids or exact names; the first that is a school the importer may use wins. */
  schoolRefs: string[];
  /** Problems found while mapping cells (bad Y/N, missing birth date…). */
  errors: string[];
}

/**
 * How an existing student (same district and localId) is updated: `excluded` takes the file's
 * value, `coalesce` keeps the stored one when the file has none, `guardian` replaces the guardian
 * only when the file names one with an email. Columns not listed are left alone.
 */
export type SetRule = "excluded" | "coalesce" | "guardian";
export type UpdatePlan = Partial<Record<keyof StudentValues, SetRule>>;

export interface CsvFormat {
  name: "bridgework" | "oneroster";
  candidates: Candidate[];
  /** Rows read but deliberately not imported, with the reason. */
  skipped: RowError[];
  /** The file's column for a `CreateStudent` path, for row messages. */
  column(path: string): string;
  /** Message when no school reference matched. */
  unknownSchool(refs: string[], scope: string): string;
  update: UpdatePlan;
}

const REQUIRED = ["localId", "firstName", "lastName", "birthDate", "grade", "schoolId"] as const;
const ALWAYS: UpdatePlan = { firstName: "excluded", lastName: "excluded", birthDate: "excluded", grade: "excluded", schoolId: "excluded" };

/** Our columns (api.md). A column absent from the file leaves that field of existing students unchanged. */
export function bridgeworkFormat(header: Set<string>, rows: CsvRow[]): CsvFormat {
  const missing = REQUIRED.filter((c) => !header.has(c.toLowerCase()));
  if (missing.length) throw new ValidationFailed(missing.map((c) => ({ path: c, text: say("column-missing", { column: c }) })), say("csv-columns-missing"));
  const present = (c: string) => header.has(c.toLowerCase());
  const update: UpdatePlan = { ...ALWAYS };
  if (present("ssid")) update.ssid = "excluded";
  if (["guardianName", "guardianEmail", "guardianPhone"].some(present)) Object.assign(update, { guardianName: "excluded", guardianEmail: "excluded", guardianPhone: "excluded" });
  if (present("guardianLanguage")) update.guardianLanguage = "excluded";
  for (const c of DEMOGRAPHIC_COLUMNS) if (present(c)) update[c] = "excluded";

  const candidates = rows.map((row): Candidate => {
    const errors: string[] = [];
    const text = (c: string) => (present(c) ? row.get(c) || null : undefined);
    const guardian = guardianOf(row);
    return {
      line: row.line,
      input: {
        localId: row.get("localId"),
        ssid: text("ssid"),
        firstName: row.get("firstName"),
        lastName: row.get("lastName"),
        birthDate: row.get("birthDate"),
        grade: gradeOf(row.get("grade")),
        guardian,
        demographics: {
          gender: text("gender")?.toUpperCase(),
          raceEthnicity: text("raceEthnicity")?.toLowerCase(),
          englishLearner: yesNo(row, "englishLearner", errors),
          disability: yesNo(row, "disability", errors),
          lowIncome: yesNo(row, "lowIncome", errors),
        },
      },
      schoolRefs: [row.get("schoolId")].filter(Boolean),
      errors,
    };
  });
  return {
    name: "bridgework",
    candidates,
    skipped: [],
    column: (path) => (path.startsWith("guardian.") ? `guardian${capitalize(path.slice(9))}` : path.replace(/^demographics\./, "")),
    unknownSchool: (refs, scope) => (refs.length ? `schoolId "${refs[0]}" is not a school of your ${scope}` : "schoolId is missing"),
    update,
  };
}

function guardianOf(row: CsvRow) {
  const name = row.get("guardianName");
  const email = row.get("guardianEmail");
  const phone = row.get("guardianPhone");
  if (!name && !email && !phone) return null;
  return { name, email, phone: phone || null, language: row.get("guardianLanguage").toLowerCase() || undefined };
}

/** "9" and "09" are grade 9; anything else is left for the schema to reject with the cell's text. */
export function gradeOf(raw: string): number | string | undefined {
  if (!raw) return undefined;
  return /^\d{1,2}$/.test(raw) ? Number(raw) : raw;
}

function yesNo(row: CsvRow, column: string, errors: string[]): boolean | null | undefined {
  if (!row.has(column)) return undefined;
  const v = row.get(column).toUpperCase();
  if (!v) return null;
  if (["Y", "YES", "TRUE", "1"].includes(v)) return true;
  if (["N", "NO", "FALSE", "0"].includes(v)) return false;
  errors.push(`${column} "${row.get(column)}": use Y or N`);
  return undefined;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
