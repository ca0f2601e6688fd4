import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@bridgework/db";
import pg from "pg";
import { inject } from "vitest";
import "./provided.ts";

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the pool; the database is dropped soon after, without waiting for it (see `dropLater`). */
  destroy(): Promise<void>;
}

/** Runs `fn` on a connection to the server's maintenance database (creating and dropping databases). */
export async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject("databaseAdminUrl") });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

export interface TestDatabaseOptions {
  /**
   * What it holds besides the schema: nothing (default); "demo", the demo regions and logins as
   * `seedDemo(db, undefined, { history: false })` loads them; "demo-history", the whole demo as
   * `seedDemo(db)` loads it. Both are copies of templates seeded once per run (test/global-setup.ts).
   */
  seed?: "none" | "demo" | "demo-history";
}

const TEMPLATES = {
  none: "templateDatabase",
  demo: "demoTemplateDatabase",
  "demo-history": "demoHistoryTemplateDatabase",
} as const;

/**
 * `DROP DATABASE` waits for a checkpoint of the whole server (PostgreSQL forces one on every drop):
 * seconds on a busy disk, which each file used to sit through in its `afterAll`. So a file only
 * closes its pool and hands the name over: this process drops every name handed to it so far at once
 * (concurrent drops share a checkpoint) while its next file runs, and the global teardown drops what
 * is left when the run ends (test/global-setup.ts, by the run's name prefix).
 */
const toDrop = new Set<string>();
let dropping: Promise<void> | null = null;

function dropLater(name: string): void {
  toDrop.add(name);
  dropping ??= (async () => {
    while (toDrop.size > 0) {
      const names = [...toDrop];
      toDrop.clear();
      await Promise.all(
        names.map((each) =>
          withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${each}" WITH (FORCE)`)).catch(() => undefined),
        ),
      );
    }
    dropping = null;
  })();
}

/** A fresh, migrated database of its own (copied from a template), so test files run in parallel. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${inject("testDatabasePrefix")}${randomBytes(6).toString("hex")}`;
  const template = inject(TEMPLATES[options.seed ?? "none"]);
  await withAdmin(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // A commit answers before its WAL reaches the disk (it is still atomic and at once visible to
    // every other session): the suite commits tens of thousands of times and waited milliseconds for
    // each flush. Only a crash of this server could lose the last commits, and no test crashes it:
    // the tests that kill PostgreSQL run one of their own (test/support/restartable-postgres.ts).
    await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  const url = new URL(inject("databaseAdminUrl"));
  url.pathname = `/${name}`;
  // Waiting for a pooled connection may take longer than production's 5 s here: files run side by
  // side on a small machine, and a test of 50 simultaneous requests queues on a pool of 10. The
  // timeouts themselves are tested with pools of their own (apps/api/test/database-unavailable.test.ts).
  const database = createDatabase(url.toString(), { timeouts: { connectMs: 30_000 } });
  return {
    ...database,
    url: url.toString(),
    name,
    async destroy() {
      await database.close();
      dropLater(name);
    },
  };
}
