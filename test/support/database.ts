import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@bridgework/db";
import pg from "pg";
import { inject } from "vitest";
import "./provided.ts";

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
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

/** A fresh, migrated database of its own (copied from a template), so test files run in parallel. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `bw_test_${randomBytes(6).toString("hex")}`;
  const template = inject(TEMPLATES[options.seed ?? "none"]);
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
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
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
