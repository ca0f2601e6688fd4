// `pnpm db:sql <name…>`: a new migration (drizzle-kit's custom one, so the journal and snapshot
// are drizzle's own) that applies the current content of these files of packages/db/sql: a
// function's name (sql/functions/<name>.sql) or a table's (sql/triggers/<table>.sql).
// `--all` applies every file; `--name <tag>` names the migration (default sql_<names>).
// Run it after editing a file, and commit the file and the migration together (docs/database.md).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { MIGRATIONS_FOLDER } from "../migrate.ts";
import { readSqlFiles, selectSqlFiles, sqlMigrationBody } from "../sql-files.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { all: { type: "boolean" }, name: { type: "string" } },
});
if (Boolean(values.all) === positionals.length > 0) {
  console.error(
    "Usage: pnpm db:sql <function or table name…> [--name <migration name>]\n       pnpm db:sql --all [--name <migration name>]",
  );
  process.exit(2);
}
let files;
try {
  files = values.all ? readSqlFiles() : selectSqlFiles(positionals);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const name = values.name ?? (values.all ? "sql_from_files" : `sql_${positionals.join("_")}`).slice(0, 60);
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error(`Migration name "${name}": use lowercase letters, digits and underscores.`);
  process.exit(2);
}

const generated = spawnSync("pnpm", ["exec", "drizzle-kit", "generate", "--custom", "--name", name], {
  cwd: path.dirname(MIGRATIONS_FOLDER),
  stdio: "inherit",
});
if (generated.status !== 0) process.exit(generated.status ?? 1);

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};
const tag = journal.entries.at(-1)?.tag ?? "";
const file = path.join(MIGRATIONS_FOLDER, `${tag}.sql`);
// drizzle-kit's placeholder, and nothing else: never overwrite a migration someone wrote.
if (!tag.endsWith(`_${name}`) || readFileSync(file, "utf8").replace(/--.*$/gm, "").trim() !== "") {
  console.error(
    `Expected drizzle-kit to have written an empty packages/db/migrations/${tag}_${name}.sql; found ${tag}.sql. Nothing written.`,
  );
  process.exit(1);
}
const command = [
  "pnpm db:sql",
  ...(values.all ? ["--all"] : positionals),
  ...(values.name ? ["--name", values.name] : []),
].join(" ");
writeFileSync(file, sqlMigrationBody(files, command));
console.log(`packages/db/migrations/${tag}.sql applies ${files.map((f) => f.path).join(", ")}`);
