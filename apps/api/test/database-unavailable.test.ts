import { once } from "node:events";
import net from "node:net";
import { createDatabase, type Database, type DatabaseTimeouts } from "@bridgework/db";
import { createInlineDriver } from "@bridgework/jobs";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { App } from "../src/lib/app-types.ts";
import { isDatabaseUnavailable } from "../src/lib/db-errors.ts";
import { createHarness, DEMO_PASSWORD, type Harness, TEST_JWT_SECRET } from "./harness.ts";

/**
 * What a person sees when PostgreSQL is down, unreachable or too slow: a quick 503
 * `unavailable` with Retry-After (not a 500, not a request that hangs), and a health check a
 * load balancer can rely on. A "hanging" database is a TCP server that accepts and never
 * answers (a network partition swallowing packets); a "refusing" one a port nobody listens on.
 */

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function hangingDatabaseServer(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    // Reads whatever the client says (startup packet, queries) and never answers.
    socket.resume();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => server.close(r));
  });
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The whole API on a database at `url`, with the pool's timeouts as given. */
async function appOn(url: string, timeouts: Partial<DatabaseTimeouts> = {}): Promise<{ app: App; database: Database }> {
  const database = createDatabase(url, { timeouts });
  const driver = createInlineDriver();
  const app = await buildApp({
    config: { ...loadConfig({ JWT_SECRET: TEST_JWT_SECRET }), webDist: null },
    db: database.db,
    driver,
  });
  cleanups.push(async () => {
    await app.close();
    await driver.close();
    await database.close();
  });
  return { app, database };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

function expectUnavailable(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(503);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
  const body = res.json();
  expect(body).toMatchObject({
    type: "https://bridgework.dev/problems/unavailable",
    status: 503,
    requestId: res.headers["x-request-id"],
  });
  expect(res.body).not.toMatch(/ECONNREFUSED|timeout exceeded|127\.0\.0\.1|\bat .+:\d+:\d+/);
  return body as { title: string; detail: string };
}

const login = (app: App, language = "en") =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "accept-language": language },
    payload: { email: "intermediary@valley.example", password: DEMO_PASSWORD },
  });

describe("a database that hangs (accepts connections, never answers)", () => {
  let app: App;
  let database: Database;
  beforeAll(async () => {
    // The default timeouts, as in production.
    ({ app, database } = await appOn(`postgres://postgres@127.0.0.1:${await hangingDatabaseServer()}/bridgework`));
  });

  it("answers /api/health 503 database: down within 2 s", async () => {
    const { value: res, ms } = await timed(app.inject({ method: "GET", url: "/api/health" }));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "degraded", database: "down" });
    expect(ms).toBeLessThan(2_000);
  });

  it("answers a route 503 unavailable with Retry-After once the connect timeout (5 s) has passed, instead of hanging", {
    timeout: 20_000,
  }, async () => {
    const { value: res, ms } = await timed(login(app));
    const body = expectUnavailable(res);
    expect(body.title).toBe("Service unavailable");
    expect(ms).toBeGreaterThanOrEqual(4_500);
    expect(ms).toBeLessThan(8_000);
  });

  it("fails a query after the configured connect timeout", async () => {
    const quick = createDatabase(database.pool.options.connectionString!, { timeouts: { connectMs: 300 } });
    cleanups.push(() => quick.close());
    const started = Date.now();
    const error = await quick.db.execute(sql`select 1`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe("a database that refuses connections (nothing listening)", () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await appOn(`postgres://postgres@127.0.0.1:${await closedPort()}/bridgework`));
  });

  it("answers routes 503 unavailable, in the reader's language, not 500", async () => {
    const body = expectUnavailable(await login(app));
    expect(body.detail).toMatch(/database/);
    const spanish = expectUnavailable(await login(app, "es"));
    expect(spanish.title).toBe("Servicio no disponible");
  });

  it("answers /api/health 503 at once", async () => {
    const { value: res, ms } = await timed(app.inject({ method: "GET", url: "/api/health" }));
    expect(res.statusCode).toBe(503);
    expect(ms).toBeLessThan(2_000);
  });
});

describe("timeouts enforced by a real PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    cleanups.push(() => db.destroy());
  });

  it("stops a statement at statement_timeout (pg_sleep), and the pool stays usable", async () => {
    const strict = createDatabase(db.url, { timeouts: { statementMs: 300 } });
    cleanups.push(() => strict.close());
    const started = Date.now();
    const error = await strict.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(JSON.stringify((error as { cause?: { code?: string } }).cause?.code)).toBe('"57014"');
    await expect(strict.db.execute(sql`select 1 as one`)).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it("ends a transaction left idle past idle_in_transaction_session_timeout, freeing its locks", async () => {
    const strict = createDatabase(db.url, { timeouts: { idleInTransactionMs: 300 } });
    cleanups.push(() => strict.close());
    const client = await strict.pool.connect();
    await client.query("BEGIN");
    await client.query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE");
    await new Promise((r) => setTimeout(r, 1_000));
    const error = await client.query("SELECT 1").then(
      () => null,
      (e: unknown) => e,
    );
    client.release(true);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The lock went with the session: another connection reads the table at once.
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query("SET lock_timeout = '1s'");
    await expect(other.query("SELECT count(*) FROM organizations")).resolves.toBeTruthy();
  });

  it("has the pool's defaults in every session: 30 s statements, 60 s idle transactions", async () => {
    const { rows } = await db.pool.query<{ statement: string; idle: string }>(
      "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
    );
    expect(rows[0]).toEqual({ statement: "30s", idle: "1min" });
  });
});

describe("a route whose statement runs past statement_timeout", () => {
  let h: Harness;
  let app: App;
  beforeAll(async () => {
    h = await createHarness();
    cleanups.push(() => h.close());
    ({ app } = await appOn(h.db.url, { statementMs: 500 }));
  });

  it("answers 503 unavailable (here: waiting on a lock held elsewhere), not 500", async () => {
    const token = ((await login(app)).json() as { accessToken: string }).accessToken;
    const locker = new pg.Client({ connectionString: h.db.url });
    await locker.connect();
    cleanups.push(() => locker.end());
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE");
    try {
      const { value: res, ms } = await timed(
        app.inject({ method: "GET", url: "/api/organizations", headers: { authorization: `Bearer ${token}` } }),
      );
      expectUnavailable(res);
      expect(ms).toBeLessThan(3_000);
    } finally {
      await locker.query("ROLLBACK");
    }
  });
});
