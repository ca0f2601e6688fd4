import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * packages/db/sql: the current definition of every SQL function (functions/<name>.sql) and of
 * every table's triggers (triggers/<table>.sql). Migrations apply them: a migration made by
 * `pnpm db:sql <name…>` holds the named files' content (docs/database.md). Read from source only
 * (the CLI and the test): production applies the migrations, which already hold the text.
 */
export const SQL_FOLDER = fileURLToPath(new URL("../sql", import.meta.url));

export const SQL_KINDS = ["functions", "triggers"] as const;
export type SqlKind = (typeof SQL_KINDS)[number];

export interface SqlFile {
  kind: SqlKind;
  /** The function's name (functions/) or the table's (triggers/). */
  name: string;
  /** Relative to packages/db, e.g. `sql/functions/report_sync_match.sql`. */
  path: string;
  text: string;
}

/** Every file: functions first (triggers execute them, and may be created with them), each kind by name. */
export function readSqlFiles(folder = SQL_FOLDER): SqlFile[] {
  return SQL_KINDS.flatMap((kind) =>
    readdirSync(path.join(folder, kind))
      .filter((file) => file.endsWith(".sql"))
      .sort()
      .map((file) => ({
        kind,
        name: file.slice(0, -".sql".length),
        path: `sql/${kind}/${file}`,
        text: readFileSync(path.join(folder, kind, file), "utf8"),
      })),
  );
}

/** The files of these names (a function's or a table's; both if a table and a function shared one), functions first. */
export function selectSqlFiles(names: readonly string[], all: SqlFile[] = readSqlFiles()): SqlFile[] {
  const unknown = names.filter((name) => !all.some((file) => file.name === name));
  if (unknown.length > 0)
    throw new Error(`No file in packages/db/sql/functions or packages/db/sql/triggers for: ${unknown.join(", ")}`);
  return all.filter((file) => names.includes(file.name));
}

/** Separates statements in drizzle's migrations; each file is one chunk (a query of one or more statements). */
const BREAKPOINT = "--> statement-breakpoint";

/** A migration's text: the files' content in order, each under a comment naming it. */
export function sqlMigrationBody(files: readonly SqlFile[], command: string): string {
  const header = `-- Written by \`${command}\` from packages/db/sql (docs/database.md): the files' content as of this\n-- migration. To change a function or trigger, edit its file and run \`pnpm db:sql <name>\`.\n`;
  return files
    .map((file, i) => `${i === 0 ? header : ""}-- packages/db/${file.path}\n${file.text.trimEnd()}\n`)
    .join(`${BREAKPOINT}\n`);
}
