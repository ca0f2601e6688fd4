import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { readSqlFiles, type SqlKind } from "./sql-files.ts";

interface Definition {
  kind: SqlKind;
  /** The function's name, or the trigger's table: the file it belongs in. */
  file: string;
  /** `report_sync_match(match uuid)` or `matches.report_match_insert`. */
  object: string;
  /** As PostgreSQL prints it back (pg_get_functiondef, pg_get_triggerdef): the body verbatim. */
  definition: string;
  /** The catalog row's xmin: a CREATE OR REPLACE writes a new one even when nothing differs. */
  version: string;
}

/** Every function of the public schema (not an extension's) and every trigger on its tables (not a constraint's). */
const DEFINITIONS = `
  SELECT 'functions' AS kind, p.proname AS file, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS object, pg_get_functiondef(p.oid) AS definition, p.xmin::text AS version
  FROM pg_proc p
  WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  UNION ALL
  SELECT 'triggers', c.relname, c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid), t.xmin::text
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
  WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
  ORDER BY 1, 3`;

async function definitions(database: TestDatabase): Promise<Definition[]> {
  return (await database.pool.query<Definition>(DEFINITIONS)).rows;
}

const byObject = (rows: Definition[]) => Object.fromEntries(rows.map((row) => [row.object, row.definition]));

const files = readSqlFiles();
/** The database the migrations build (the template every test database copies). */
let migrated: TestDatabase;
/** The same schema with every function and trigger dropped, then made again from the files alone. */
let fromFiles: TestDatabase;
/** What applying each file created or replaced in `fromFiles` (each file is a transaction of its own). */
const madeBy = new Map<string, Definition[]>();
/** Files PostgreSQL refused, with its message (a trigger file whose function has no file, say). */
const refused = new Map<string, string>();

beforeAll(async () => {
  [migrated, fromFiles] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  for (const { kind, object } of (await definitions(fromFiles)).reverse()) {
    if (kind === "triggers") {
      const [table, trigger] = object.split(".");
      await fromFiles.pool.query(`DROP TRIGGER "${trigger}" ON "${table}"`);
    } else {
      await fromFiles.pool.query(`DROP FUNCTION ${object}`);
    }
  }
  for (const file of files) {
    const before = new Map((await definitions(fromFiles)).map((row) => [row.object, row.version]));
    try {
      await fromFiles.pool.query(file.text);
    } catch (error) {
      refused.set(file.path, error instanceof Error ? error.message : String(error));
    }
    madeBy.set(
      file.path,
      (await definitions(fromFiles)).filter((row) => before.get(row.object) !== row.version),
    );
  }
});
afterAll(async () => {
  await Promise.all([migrated?.destroy(), fromFiles?.destroy()]);
});

describe("packages/db/sql", () => {
  it("applies, file by file, functions first, on the schema without functions and triggers", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(Object.fromEntries(refused)).toEqual({});
  });

  it("holds the migrations' functions and triggers as the database has them, and nothing else", async () => {
    const expected = await definitions(migrated);
    // The database holds 24 functions and 23 triggers (issue 15); more is fine, none would mean the query saw nothing.
    expect(expected.filter((row) => row.kind === "functions").length).toBeGreaterThanOrEqual(24);
    expect(expected.filter((row) => row.kind === "triggers").length).toBeGreaterThanOrEqual(23);
    // A difference here: a file was edited without a migration that applies it (`pnpm db:sql <name>`),
    // or a migration changed a function or trigger without its file (docs/database.md).
    expect(byObject(await definitions(fromFiles)), "the files differ from what the migrations build").toEqual(
      byObject(expected),
    );
  });

  it("has each function in functions/<name>.sql and each table's triggers in triggers/<table>.sql, each defined once", () => {
    expect(files.map((file) => file.path)).toContain("sql/functions/report_sync_match.sql");
    for (const file of files) {
      const made = madeBy.get(file.path) ?? [];
      expect(made.length, `${file.path} defines nothing new`).toBeGreaterThan(0);
      expect(
        made.filter((row) => row.kind !== file.kind || row.file !== file.name).map((row) => row.object),
        `${file.path} defines what belongs in another file`,
      ).toEqual([]);
    }
  });
});
