import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabase, type Database, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../../test/support/eventually.ts";
import { type RestartablePostgres, startDemoPostgres } from "../../../../test/support/restartable-postgres.ts";
import { createRegionCache, type RegionCache } from "./region-cache.ts";

/**
 * The region cache's LISTEN connection across a real PostgreSQL restart: nothing is served from
 * memory while it is away, what was cached before is forgotten (changes made meanwhile went
 * unheard), LISTEN comes back on its own, and a write after the restart still drops answers.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "bw-cache-restart-"));
chmodSync(dataDir, 0o755);
let postgres: RestartablePostgres;
let database: Database;
let cache: RegionCache;
let valley: string;

beforeAll(async () => {
  postgres = await startDemoPostgres(path.join(dataDir, "pg"));
  database = createDatabase(postgres.url);
  valley = (await database.db.select().from(users).where(eq(users.email, "teacher@valley.example")))[0]!.regionId;
  cache = createRegionCache(database.db);
}, 180_000);

afterAll(async () => {
  await cache?.close();
  await database?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whether a session LISTENs on the database (the cache's own connection). */
async function listening(): Promise<boolean | undefined> {
  try {
    const { rows } = await database.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    return rows[0]!.n > 0 ? true : undefined;
  } catch {
    return undefined; // PostgreSQL still starting
  }
}

/** A computation that counts its runs and answers with the run number. */
function counter() {
  let runs = 0;
  return { compute: async () => String(++runs), runs: () => runs };
}

const touchValley = () =>
  database.pool.query("UPDATE opportunities SET updated_at = now() WHERE region_id = $1", [valley]);

describe("region cache across a PostgreSQL restart", () => {
  it("serves nothing from memory while PostgreSQL is away, listens again after, and a later write still drops answers", {
    timeout: 60_000,
  }, async () => {
    await eventually(listening, 10_000, "LISTEN");
    const c = counter();
    expect(await cache.get(valley, "catalog", c.compute)).toBe("1"); // asked once: not kept
    expect(await cache.get(valley, "catalog", c.compute)).toBe("2");
    expect(await cache.get(valley, "catalog", c.compute)).toBe("2"); // from memory

    const lostAt = Date.now();
    await postgres.stopFast();
    // The lost connection is noticed at once: each call computes again instead of answering "2".
    expect(await cache.get(valley, "catalog", c.compute)).toBe("3");
    expect(await cache.get(valley, "catalog", c.compute)).toBe("4");

    // Down ten seconds, long enough for the reconnection's back-off to have grown (0.5, 1, 2, 4, 8 s…).
    await new Promise((r) => setTimeout(r, Math.max(0, lostAt + 10_000 - Date.now())));
    await postgres.start();
    const acceptingAt = Date.now();
    // A write before LISTEN is back goes unheard: the reconnection must forget everything.
    await eventually(
      async () =>
        (await touchValley().then(
          () => true,
          () => false,
        ))
          ? true
          : undefined,
      10_000,
      "write after restart",
    );
    await eventually(listening, 15_000, "LISTEN after restart");
    const msToListen = Date.now() - acceptingAt;

    const fresh = await cache.get(valley, "catalog", c.compute);
    expect(Number(fresh)).toBeGreaterThan(4);
    expect(await cache.get(valley, "catalog", c.compute)).toBe(fresh); // caching again

    await touchValley();
    await cache.sync();
    const after = await cache.get(valley, "catalog", c.compute);
    expect(Number(after)).toBe(Number(fresh) + 1);
    console.log(`region cache: LISTEN live again ${msToListen} ms after PostgreSQL accepted connections`);
    // The back-off is capped: the cache is not left off for long after the database returns.
    expect(msToListen).toBeLessThanOrEqual(3_000);
  });
});
