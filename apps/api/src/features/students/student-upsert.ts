import type { Tx } from "@bridgework/db";
import { sql } from "drizzle-orm";
import type { StudentValues } from "./student.queries.ts";
import type { SetRule, UpdatePlan } from "./student-csv-format.ts";

/** Rows per statement: bounds statement size and sets how often async progress moves. */
export const UPSERT_BATCH = 1000;

/** Every column an import writes, with its PostgreSQL type for `unnest`. */
const COLUMNS = {
  regionId: "uuid",
  districtId: "uuid",
  schoolId: "uuid",
  localId: "text",
  ssid: "text",
  firstName: "text",
  lastName: "text",
  birthDate: "date",
  grade: "smallint",
  guardianName: "text",
  guardianEmail: "text",
  guardianPhone: "text",
  guardianLanguage: "language",
  gender: "text",
  raceEthnicity: "text",
  englishLearner: "boolean",
  disability: "boolean",
  lowIncome: "boolean",
} as const satisfies Partial<Record<keyof StudentValues, string>>;
type Column = keyof typeof COLUMNS;
const NAMES = Object.keys(COLUMNS) as Column[];

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function setFor(column: string, rule: SetRule): string {
  const c = snake(column);
  switch (rule) {
    case "excluded":
      return `${c} = excluded.${c}`;
    case "coalesce":
      return `${c} = coalesce(excluded.${c}, students.${c})`;
    case "guardian":
      return `${c} = CASE WHEN excluded.guardian_email IS NULL THEN students.${c} ELSE excluded.${c} END`;
  }
}

/**
 * One INSERT … SELECT FROM unnest(<one array per column>) ON CONFLICT (district, localId) DO
 * UPDATE per batch: 18 parameters whatever the batch size, where a multi-row VALUES list costs
 * drizzle hundreds of milliseconds to build per 500 rows. `xmax = 0` is true for a freshly
 * inserted row and false for one the conflict updated, so the database itself counts created
 * and updated, race-free against a concurrent import. Rows of one batch must not share
 * (district, localId): the caller removes repeats.
 */
export async function upsertStudents(
  tx: Tx,
  rows: StudentValues[],
  plan: UpdatePlan,
): Promise<{ created: number; updated: number }> {
  const arrays = NAMES.map(
    (name) =>
      sql`${sql.param(rows.map((r) => r[name] ?? (name === "guardianLanguage" ? "en" : null)))}::${sql.raw(COLUMNS[name])}[]`,
  );
  const updates = [...Object.entries(plan).map(([column, rule]) => setFor(column, rule)), "updated_at = now()"].join(
    ", ",
  );
  const result = await tx.execute<{ inserted: boolean }>(sql`
    INSERT INTO students (${sql.raw(NAMES.map(snake).join(", "))})
    SELECT * FROM unnest(${sql.join(arrays, sql`, `)})
    ON CONFLICT (district_id, local_id) DO UPDATE SET ${sql.raw(updates)}
    RETURNING (xmax = 0) AS inserted`);
  const created = result.rows.filter((r) => r.inserted).length;
  return { created, updated: result.rows.length - created };
}
