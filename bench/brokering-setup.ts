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
  await withClient(url, async (client) =>
    runSteps(client, generationSteps(size, await hashPassword(BENCH_PASSWORD)), log),
  );
  return url;
}

/** Adds opportunities from..to to a generated database (same generator, no matches on the new ones). */
export async function addOpportunities(
  url: string,
  size: Size,
  from: number,
  to: number,
  log: (line: string) => void,
): Promise<void> {
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

/**
 * VACUUMs the catalog tables until their visibility maps are (nearly) all set, as autovacuum
 * does in a live region (migration 0009), and says how far it got: a VACUUM while the app's
 * start-up sweeps hold a snapshot leaves freshly written pages not all-visible, and then the
 * suggestion candidates are read through the heap instead of from the covering index alone.
 */
export async function settleVisibility(client: pg.Client, log: (line: string) => void): Promise<void> {
  const tables = ["opportunities", "matches", "requests", "match_feedback"];
  let share = 0;
  for (let attempt = 1; attempt <= 10; attempt++) {
    await client.query(`VACUUM ${tables.join(", ")}`);
    const { rows } = await client.query<{ pages: number; visible: number }>(
      "SELECT sum(relpages)::int AS pages, sum(relallvisible)::int AS visible FROM pg_class WHERE relname = ANY($1)",
      [tables],
    );
    share = rows[0]!.visible / Math.max(1, rows[0]!.pages);
    if (share >= 0.99) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(`  visibility maps: ${(share * 100).toFixed(0)}% of catalog pages all-visible after VACUUM`);
}
