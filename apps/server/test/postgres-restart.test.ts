import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventually } from "../../../test/support/eventually.ts";
import { DEMO_PASSWORD } from "../../api/test/harness.ts";
import { type RestartablePostgres, startDemoPostgres } from "../../../test/support/restartable-postgres.ts";
import { startWorkerProcess, type WorkerProcess } from "../../../test/support/worker-process.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

/**
 * PostgreSQL goes away under load and comes back (a failover, a minor-version upgrade, a crash):
 * the real server process must say so quickly (health 503 within 2 s, every other route 503
 * problem+json `unavailable`, nothing hanging, no 500), serve again within 5 s of PostgreSQL
 * accepting connections, and never have acknowledged a write that is then missing.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "bw-pg-restart-"));
// mkdtemp makes it 0700; run as root, PostgreSQL runs as its own user and must reach pg/ inside.
chmodSync(dataDir, 0o755);
let postgres: RestartablePostgres;
let server: ServerProcess | undefined;
let worker: WorkerProcess | undefined;
/** The employer invited people join (an invitation is a write that also queues an email). */
let employerId: string;

beforeAll(async () => {
  postgres = await startDemoPostgres(path.join(dataDir, "pg"));
  const shared = {
    DATABASE_URL: postgres.url,
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: `bw-pg-restart-${randomBytes(4).toString("hex")}`,
    SWEEP_INTERVAL_SECONDS: "3600",
    PUBLIC_URL: "http://bridgework.test",
    LOG_LEVEL: "fatal",
  };
  // The worker runs apart (START_WORKER=0 on the server), as in a deployment: it rides out the
  // outage too, and delivers the invitations' emails (to the dev mailbox: no SMTP_URL).
  [server, worker] = await Promise.all([
    startServerProcess({
      ...shared,
      START_WORKER: "0",
      JWT_SECRET: "pg-restart-test-secret-pg-restart-test-secret",
      DATA_DIR: dataDir,
    }),
    startWorkerProcess(shared),
  ]);
  const lookup = new pg.Client({ connectionString: postgres.url });
  await lookup.connect();
  employerId = (
    await lookup.query<{ id: string }>("SELECT id FROM organizations WHERE name = 'Pixel Orchard Software'")
  ).rows[0]!.id;
  await lookup.end();
}, 180_000);

afterAll(async () => {
  await server?.kill();
  await worker?.kill9();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Longer than any server-side limit (5 s connect, 1.5 s health): an answer slower than this is a hang. */
const CLIENT_TIMEOUT_MS = 12_000;
const PROBLEM_UNAVAILABLE = "https://bridgework.dev/problems/unavailable";

interface Outcome {
  at: number;
  route: string;
  /** 0: no answer (connection error or client timeout). */
  status: number;
  problemType?: string;
  contentType?: string;
  ms: number;
}

async function call(route: string, init: RequestInit & { token?: string } = {}): Promise<Outcome & { body: unknown }> {
  const started = Date.now();
  const { token, ...rest } = init;
  try {
    const res = await fetch(server!.url + route, {
      ...rest,
      headers: {
        ...(rest.body ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const contentType = res.headers.get("content-type") ?? "";
    const text = await res.text();
    const body: unknown = contentType.includes("json") && text ? JSON.parse(text) : text;
    const problemType = contentType.startsWith("application/problem+json")
      ? (body as { type?: string }).type
      : undefined;
    return { at: started, route, status: res.status, problemType, contentType, ms: Date.now() - started, body };
  } catch {
    return { at: started, route, status: 0, ms: Date.now() - started, body: null };
  }
}

async function login(email: string): Promise<string> {
  const res = await call("/api/auth/login", {
    method: "POST",
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.body as { accessToken: string }).accessToken;
}

/**
 * Ten clients in a loop: health, who am I, the region's catalog (cached per region), and a write:
 * a new employer or an invitation (a user and an email, through the outbox). Every write answered
 * 201 is remembered: it must be in the database at the end, and every invitation's email sent.
 */
function startLoad(tokens: { intermediary: string; teacher: string }) {
  const outcomes: Outcome[] = [];
  const acknowledged: string[] = [];
  const invited: string[] = [];
  let running = true;
  let written = 0;
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const step = (n + i) % 4;
      const outcome =
        step === 0
          ? await call("/api/health")
          : step === 1
            ? await call("/api/me", { token: tokens.intermediary })
            : step === 2
              ? await call("/api/opportunities?pageSize=5", { token: tokens.teacher })
              : ++written % 2 === 0
                ? await call("/api/organizations", {
                    method: "POST",
                    token: tokens.intermediary,
                    body: JSON.stringify({ type: "employer", name: `Restart Load ${n}-${written}` }),
                  })
                : await call("/api/users", {
                    method: "POST",
                    token: tokens.intermediary,
                    body: JSON.stringify({
                      email: `restart-${n}-${written}@example.test`,
                      name: `Restart ${written}`,
                      role: "employer",
                      organizationId: employerId,
                    }),
                  });
      outcomes.push(outcome);
      if (outcome.status === 201 && outcome.route === "/api/organizations")
        acknowledged.push((outcome.body as { id: string }).id);
      if (outcome.status === 201 && outcome.route === "/api/users")
        invited.push((outcome.body as { email: string }).email);
      // A client that is refused does not hammer: what a browser retrying after a moment would do.
      if (outcome.status >= 500 || outcome.status === 0) await new Promise((r) => setTimeout(r, 50));
    }
  };
  const clients = Array.from({ length: 10 }, (_, n) => client(n));
  return {
    outcomes,
    acknowledged,
    invited,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/** Polls `check` every 50 ms from `since`; the milliseconds from `since` until it first held. */
async function msUntil(since: number, check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  await eventually(async () => ((await check()) ? true : undefined), timeoutMs, what);
  return Date.now() - since;
}

interface Outage {
  kind: string;
  msToHealth503: number;
  msToRecover: number;
}

/** Takes PostgreSQL down with `down`, checks the answers while it is away, brings it back and times the return. */
async function outage(
  kind: string,
  down: () => Promise<void>,
  tokens: { intermediary: string; teacher: string },
): Promise<Outage> {
  // Timed from the moment PostgreSQL is told to go, with the probe running while it goes
  // (a fast shutdown's checkpoint takes a while before `down` resolves).
  const stoppedAt = Date.now();
  const going = down();
  const msToHealth503 = await msUntil(
    stoppedAt,
    async () => (await call("/api/health")).status === 503,
    10_000,
    "health 503",
  );
  await going;

  // While it is down: every route refuses at once with 503 problem+json `unavailable`.
  for (const probe of [
    () => call("/api/me", { token: tokens.intermediary }),
    () => call("/api/opportunities?pageSize=5", { token: tokens.teacher }),
    () =>
      call("/api/organizations", {
        method: "POST",
        token: tokens.intermediary,
        body: JSON.stringify({ type: "employer", name: "While Down" }),
      }),
  ]) {
    const answer = await probe();
    expect(answer, `${answer.route} while PostgreSQL is down`).toMatchObject({
      status: 503,
      problemType: PROBLEM_UNAVAILABLE,
    });
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
  }
  await new Promise((r) => setTimeout(r, 1500));

  await postgres.start();
  const acceptingAt = Date.now();
  const msToRecover = await msUntil(
    acceptingAt,
    async () => {
      const [health, me, catalog] = await Promise.all([
        call("/api/health"),
        call("/api/me", { token: tokens.intermediary }),
        call("/api/opportunities?pageSize=5", { token: tokens.teacher }),
      ]);
      return health.status === 200 && me.status === 200 && catalog.status === 200;
    },
    20_000,
    "API serving again",
  );
  return { kind, msToHealth503, msToRecover };
}

describe("PostgreSQL restarts under load", () => {
  it("answers 503 while it is down, serves again within 5 s of its return, and loses no acknowledged write", {
    timeout: 120_000,
  }, async () => {
    const tokens = {
      intermediary: await login("intermediary@valley.example"),
      teacher: await login("teacher@valley.example"),
    };
    const load = startLoad(tokens);
    await new Promise((r) => setTimeout(r, 1500));

    const outages = [
      // `pg_ctl stop -m fast`'s signal: sessions are told the server is shutting down (57P01).
      await outage("clean fast shutdown", () => postgres.stopFast(), tokens),
      // Every PostgreSQL process SIGKILLed at once (a machine or container dying): crash recovery on start.
      await outage("hard kill (SIGKILL)", () => postgres.killHard(), tokens),
    ];
    await new Promise((r) => setTimeout(r, 1500));
    await load.stop();

    const check = new pg.Client({ connectionString: postgres.url });
    await check.connect();
    const found = new Set(
      (
        await check.query<{ id: string }>("SELECT id FROM organizations WHERE id = ANY($1::uuid[])", [
          load.acknowledged,
        ])
      ).rows.map((r) => r.id),
    );
    const users = new Set(
      (await check.query<{ email: string }>("SELECT email FROM users WHERE email = ANY($1)", [load.invited])).rows.map(
        (r) => r.email,
      ),
    );
    // Each invitation's email goes out once the worker and the outbox are past the outage
    // (jobs that failed meanwhile are retried; rows whose dispatch failed are picked up again).
    const sentCount = async () =>
      (
        await check.query<{ n: number }>(
          `SELECT count(DISTINCT "to")::int AS n FROM emails WHERE "to" = ANY($1) AND status = 'sent'`,
          [load.invited],
        )
      ).rows[0]!.n;
    const emailsStarted = Date.now();
    await eventually(
      async () => ((await sentCount()) === load.invited.length ? true : undefined),
      40_000,
      "every invitation email sent",
    ).catch(() => {});
    const unsent = load.invited.length - (await sentCount());
    const msToSend = Date.now() - emailsStarted;
    await check.end();
    const lost = [
      ...load.acknowledged.filter((id) => !found.has(id)),
      ...load.invited.filter((email) => !users.has(email)),
    ];
    const faults = load.outcomes.filter((o) => o.status >= 500 && o.status !== 503);
    const hung = load.outcomes.filter((o) => o.status === 0);
    const refused = load.outcomes.filter((o) => o.status === 503);
    const refusedOtherwise = refused.filter((o) => o.route !== "/api/health" && o.problemType !== PROBLEM_UNAVAILABLE);
    const slowest = Math.max(...load.outcomes.map((o) => o.ms));

    console.log(
      [
        "PostgreSQL restart under load (10 clients):",
        ...outages.map(
          (o) =>
            `  ${o.kind.padEnd(22)} time to health 503: ${o.msToHealth503} ms; time to serve again after PostgreSQL accepts: ${o.msToRecover} ms`,
        ),
        `  requests: ${load.outcomes.length}, answered 503: ${refused.length}, other 5xx: ${faults.length}, no answer within ${CLIENT_TIMEOUT_MS / 1000} s: ${hung.length}, slowest: ${slowest} ms`,
        `  writes acknowledged (201): ${load.acknowledged.length + load.invited.length} (${load.invited.length} invitations), writes lost: ${lost.length}`,
        `  invitation emails not sent by the worker ${(msToSend / 1000).toFixed(1)} s after the load stopped: ${unsent}`,
      ].join("\n"),
    );

    for (const o of outages) {
      expect(o.msToHealth503, o.kind).toBeLessThanOrEqual(2000);
      expect(o.msToRecover, o.kind).toBeLessThanOrEqual(5000);
    }
    expect(load.acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(load.invited.length).toBeGreaterThanOrEqual(3);
    expect(lost).toEqual([]);
    expect(unsent).toBe(0);
    expect(worker!.output()).not.toMatch(/exited|uncaught/i);
    expect(faults).toEqual([]);
    expect(hung).toEqual([]);
    expect(refusedOtherwise).toEqual([]);
  });
});
