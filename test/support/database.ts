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

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject("databaseAdminUrl") });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database of its own (copied from the migrated template), so test files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `bw_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`));
  const url = new URL(inject("databaseAdminUrl"));
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString());
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
