import { createDatabase, hashPassword, migrateDatabase } from "@bridgework/db";
import pg from "pg";
import { generationSteps, opportunitySteps, runSteps, type Size } from "./brokering-data.ts";

export const BENCH_PASSWORD = "bridgework-bench";

const adminUrl = () => process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of database `name` on DATABASE_URL's server. */
export function benchUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropBenchDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh database `name`, migrated, holding one region of `size`. Returns its URL. */
export async function createBenchDatabase(name: string, size: Size, log: (line: string) => void): Promise<string> {
  await dropBenchDatabase(name);
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = benchUrl(name);
  const database = createDatabase(url, { max: 1 });
  try {
    await migrateDatabase(database.db);
  } finally {
    await database.close();
  }
  await withClient(url, async (client) => runSteps(client, generationSteps(size, await hashPassword(BENCH_PASSWORD)), log));
  return url;
}

/** Adds opportunities from..to to a generated database (same generator, no matches on the new ones). */
export async function addOpportunities(url: string, size: Size, from: number, to: number, log: (line: string) => void): Promise<void> {
  await withClient(url, (client) => runSteps(client, opportunitySteps(size, from, to), log));
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
