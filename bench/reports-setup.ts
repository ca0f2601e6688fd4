import { createDatabase, hashPassword, migrateDatabase } from "@bridgework/db";
import pg from "pg";
import { BENCH, generate } from "./reports-data.ts";

export const BENCH_DB = "bw_bench_reports";

/** The admin URL and the bench database's URL on the same server. */
export function benchUrls(adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres") {
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  return { adminUrl, url: url.toString() };
}

/** Drops and recreates the bench database, migrates it and generates the data set. */
export async function createBenchDatabase(log: (line: string) => void): Promise<void> {
  const { adminUrl, url } = benchUrls();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  await admin.end();
  const database = createDatabase(url, { max: 1 });
  await migrateDatabase(database.db);
  await database.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await generate(client, await hashPassword("bridgework-bench"), log);
  } finally {
    await client.end();
  }
}

/** True when a previous run left a complete data set behind (the last step is VACUUM ANALYZE after the open requests). */
export async function benchDatabaseReady(): Promise<boolean> {
  const { adminUrl, url } = benchUrls();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DB])).rowCount === 1;
  await admin.end();
  if (!exists) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // bench_uuid() marks the current generator; the open requests are among its last steps.
    const r = await client.query(`SELECT (SELECT count(*) FROM regions WHERE id = bench_uuid('region')) AS region,
      (SELECT count(*) FROM matches WHERE status = 'completed') + (SELECT count(*) FROM placements WHERE status = 'completed') AS n,
      (SELECT count(*) FROM requests WHERE status IN ('open', 'expired')) AS open`);
    return (
      Number(r.rows[0].region) === 1 &&
      Number(r.rows[0].n) >= BENCH.matches + BENCH.placements &&
      Number(r.rows[0].open) > 0
    );
  } catch {
    return false;
  } finally {
    await client.end();
  }
}
