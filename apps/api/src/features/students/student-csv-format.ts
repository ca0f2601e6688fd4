import {
  type GENDERS,
  type GUARDIAN_LANGUAGES,
  type RACE_ETHNICITIES,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import type { StudentValues } from "./student.queries.ts";
import { type CsvRow, DEMOGRAPHIC_COLUMNS, type RowIssue, type RowProblem } from "./student-csv.ts";

/** A row mapped to the shape of `CreateStudent` (minus `schoolId`), not yet validated. */
export interface Candidate {
  line: number;
  input: Record<string, unknown>;
  /** Ids or names; the first that is a school the importer may use wins. */
  schoolRefs: string[];
  /** Problems found while mapping cells (bad Y/N, unknown language…). */
  errors: RowProblem[];
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
  skipped: RowIssue[];
  /** The file's column for a `CreateStudent` path, for row messages. */
  column(path: string): string;
  /** The problem when no school reference matched. */
  unknownSchool(refs: string[], scope: "district" | "region"): RowProblem;
  update: UpdatePlan;
}

const REQUIRED = ["localId", "firstName", "lastName", "birthDate", "grade", "schoolId"] as const;
const ALWAYS: UpdatePlan = {
  firstName: "excluded",
  lastName: "excluded",
  birthDate: "excluded",
  grade: "excluded",
  schoolId: "excluded",
};

/**
 * Our columns (api.md). A column absent from the file leaves that field of existing students
 * unchanged. People fill these in by hand, so cells may be words: the school by id, name or local code
 * (column `schoolId` or `school`), the guardian's language as a code or a name in English or
 * Spanish, demographics as codes or their English/Spanish labels, Y/N also as yes/no/sí.
 */
export function bridgeworkFormat(header: Set<string>, rows: CsvRow[]): CsvFormat {
  const present = (c: string) => header.has(c.toLowerCase());
  const schoolColumn = present("schoolId") ? "schoolId" : present("school") ? "school" : null;
  const missing = REQUIRED.filter((c) => (c === "schoolId" ? !schoolColumn : !present(c)));
  if (missing.length)
    throw new ValidationFailed(
      missing.map((c) => ({ path: c, text: say("column-missing", { column: c }) })),
      say("csv-columns-missing"),
    );
  const update: UpdatePlan = { ...ALWAYS };
  if (present("ssid")) update.ssid = "excluded";
  if (["guardianName", "guardianEmail", "guardianPhone"].some(present))
    Object.assign(update, { guardianName: "excluded", guardianEmail: "excluded", guardianPhone: "excluded" });
  if (present("guardianLanguage")) update.guardianLanguage = "excluded";
  for (const c of DEMOGRAPHIC_COLUMNS) if (present(c)) update[c] = "excluded";

  const candidates = rows.map((row): Candidate => {
    const errors: RowProblem[] = [];
    const text = (c: string) => (present(c) ? row.get(c) || null : undefined);
    const guardian = guardianOf(row, errors);
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
          gender: wordOf(row, "gender", GENDER_WORDS, errors),
          raceEthnicity: wordOf(row, "raceEthnicity", RACE_WORDS, errors),
          englishLearner: yesNo(row, "englishLearner", errors),
          disability: yesNo(row, "disability", errors),
          lowIncome: yesNo(row, "lowIncome", errors),
        },
      },
      schoolRefs: [row.get(schoolColumn!)].filter(Boolean),
      errors,
    };
  });
  return {
    name: "bridgework",
    candidates,
    skipped: [],
    column: (path) =>
      path === "schoolId"
        ? schoolColumn!
        : path.startsWith("guardian.")
          ? `guardian${capitalize(path.slice(9))}`
          : path.replace(/^demographics\./, ""),
    unknownSchool: (refs, scope) => ({
      field: schoolColumn!,
      text: refs.length
        ? say("import-school-unknown", { column: schoolColumn!, cell: refs[0]!, scope })
        : say("import-cell-missing", { column: schoolColumn! }),
    }),
    update,
  };
}

/** Lower case, no accents, punctuation as spaces: "Español" → "espanol", "Non-binary" → "non binary". */
export function normalizeWord(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type Words<C extends string> = { [K in C]: string[] } & { none?: string[] };
const NOT_SAID = [
  "unknown",
  "not recorded",
  "prefer not to say",
  "desconocido",
  "sin registrar",
  "prefiere no decirlo",
  "prefiere no decir",
  "prefiero no decirlo",
];

const GENDER_WORDS: Words<(typeof GENDERS)[number]> = {
  F: ["f", "female", "woman", "girl", "femenino", "femenina", "mujer"],
  M: ["m", "male", "man", "boy", "masculino", "hombre"],
  X: ["x", "nonbinary", "non binary", "no binario", "no binaria"],
  none: NOT_SAID,
};
const RACE_WORDS: Words<(typeof RACE_ETHNICITIES)[number]> = {
  hispanic: ["hispanic", "hispanic or latino", "latino", "latina", "hispano", "hispano o latino"],
  american_indian: [
    "american indian",
    "american indian or alaska native",
    "indigena americano",
    "indigena americano o nativo de alaska",
  ],
  asian: ["asian", "asiatico"],
  black: ["black", "black or african american", "african american", "negro", "negro o afroamericano", "afroamericano"],
  filipino: ["filipino", "filipina"],
  pacific_islander: [
    "pacific islander",
    "native hawaiian or pacific islander",
    "nativo de hawai o de otras islas del pacifico",
    "isleno del pacifico",
  ],
  white: ["white", "blanco", "blanca"],
  two_or_more: ["two or more", "two or more races", "multiracial", "dos o mas", "dos o mas razas"],
  declined: ["declined", "declined to state", ...NOT_SAID],
};
const LANGUAGE_WORDS: Words<(typeof GUARDIAN_LANGUAGES)[number]> = {
  en: ["en", "english", "eng", "ingles"],
  es: ["es", "spanish", "spa", "espanol", "castellano"],
};

/** A code or one of its words (case and accents ignored); an empty cell or "unknown" is null. */
function wordOf<C extends string>(
  row: CsvRow,
  column: string,
  words: Words<C>,
  errors: RowProblem[],
): C | null | undefined {
  if (!row.has(column)) return undefined;
  const raw = row.get(column);
  const cell = normalizeWord(raw);
  if (!cell) return null;
  for (const [code, list] of Object.entries(words) as [C | "none", string[]][]) {
    if (normalizeWord(code) === cell || list.includes(cell)) return code === "none" ? null : code;
  }
  const choices = Object.keys(words).filter((c) => c !== "none");
  errors.push({
    field: column,
    text: say("import-choice-invalid", { column, cell: raw, choices: choices.join(", ") }),
  });
  return undefined;
}

function guardianOf(row: CsvRow, errors: RowProblem[]) {
  const name = row.get("guardianName");
  const email = row.get("guardianEmail");
  const phone = row.get("guardianPhone");
  if (!name && !email && !phone) return null;
  return {
    name,
    email,
    phone: phone || null,
    language: wordOf(row, "guardianLanguage", LANGUAGE_WORDS, errors) ?? undefined,
  };
}

/** "9" and "09" are grade 9; anything else is left for the schema to reject with the cell's text. */
export function gradeOf(raw: string): number | string | undefined {
  if (!raw) return undefined;
  return /^\d{1,2}$/.test(raw) ? Number(raw) : raw;
}

function yesNo(row: CsvRow, column: string, errors: RowProblem[]): boolean | null | undefined {
  if (!row.has(column)) return undefined;
  const v = normalizeWord(row.get(column));
  if (!v || NOT_SAID.includes(v)) return null;
  if (["y", "yes", "true", "1", "s", "si"].includes(v)) return true;
  if (["n", "no", "false", "0"].includes(v)) return false;
  errors.push({ field: column, text: say("import-yes-no", { column, cell: row.get(column) }) });
  return undefined;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
