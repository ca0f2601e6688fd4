import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emails, organizations, students } from "@bridgework/db";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../../../test/support/round-robin-proxy.ts";
import { DEMO_PASSWORD } from "../../api/test/harness.ts";
import { seedDueInsuranceReminders } from "./due-reminders.ts";
import { type Fleet, startFleet } from "./fleet.ts";
import type { ServerProcess } from "./server-process.ts";

/**
 * Three API processes and two workers on one PostgreSQL and one Redis, behind a round-robin
 * proxy: nothing a person does depends on which instance answers. Sessions, login limits and
 * background-task progress live in PostgreSQL, queues in Redis, and each instance's region
 * cache follows the others' writes through LISTEN/NOTIFY. Then one instance is killed and
 * another stopped under load. The figures are printed as one summary line at the end.
 */

const INTERMEDIARY = "intermediary@valley.example";
const COORDINATOR = "coordinator@valley.example";
const TEACHER = "teacher@valley.example";
const REMINDERS = 10_000;

let database: TestDatabase;
let fleet: Fleet | undefined;
let proxy: RoundRobinProxy | undefined;
let servers: ServerProcess[];
const dataDir = mkdtempSync(path.join(tmpdir(), "bw-multi-"));
chmodSync(dataDir, 0o755);
const figures: Record<string, string | number> = {};
let reminderRegion: string;
let remindersDueAt: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: inject("redisUrl"),
    // A queue namespace of this test's own on the shared Redis.
    QUEUE_PREFIX: `bw-multi-${randomBytes(4).toString("hex")}`,
    PUBLIC_URL: "http://bridgework.test",
    SWEEP_INTERVAL_SECONDS: "1",
    // Email delivery in dev-mailbox mode is a few statements each: more at once per worker.
    WORKER_CONCURRENCY: "16",
    LOG_LEVEL: "info",
  };
  const started = performance.now();
  // The database is migrated but empty: the three instances take turns migrating and only one loads the demo.
  fleet = await startFleet({
    servers: 3,
    workers: 2,
    env,
    serverEnv: {
      JWT_SECRET: "multi-instance-test-secret-multi-instance-test",
      DATA_DIR: dataDir,
      SHUTDOWN_DRAIN_DELAY_SECONDS: "3",
    },
  });
  figures.startSeconds = Math.round((performance.now() - started) / 100) / 10;
  servers = fleet.servers;
  proxy = await startRoundRobinProxy(servers.map((s) => s.url));
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await fleet?.kill();
  await database?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `multi-instance summary: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
});

async function call(
  base: string,
  method: string,
  url: string,
  { token, body, cookie }: { token?: string; body?: unknown; cookie?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = typeof body === "string" ? "text/csv" : "application/json";
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown> & { items?: Record<string, unknown>[] },
  };
}

async function login(base: string, email: string, password = DEMO_PASSWORD) {
  return call(base, "POST", "/api/auth/login", { body: { email, password } });
}

async function tokenOf(email: string): Promise<string> {
  const res = await login(servers[0]!.url, email);
  expect(res.status).toBe(200);
  return res.json().accessToken as string;
}

const refreshCookie = (res: { headers: Headers }) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

describe("three API instances and two workers on one PostgreSQL and Redis", () => {
  it("loaded the demo once although three instances started on the empty database together", async () => {
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(organizations)
      .where(eq(organizations.name, "Valley Unified"));
    expect(row!.n).toBe(1);
  });

  it("a session started on instance 1 refreshes on instance 2, and its used token is refused on instance 3", async () => {
    const signedIn = await login(servers[0]!.url, COORDINATOR);
    expect(signedIn.status).toBe(200);
    const cookie = refreshCookie(signedIn);
    const refreshed = await call(servers[1]!.url, "POST", "/api/auth/refresh", { cookie });
    expect(refreshed.status).toBe(200);
    const token = refreshed.json().accessToken as string;
    expect((await call(servers[2]!.url, "GET", "/api/me", { token })).status).toBe(200);
    // Rotation is shared too: the token instance 2 used up is reuse on instance 3.
    expect((await call(servers[2]!.url, "POST", "/api/auth/refresh", { cookie })).status).toBe(401);
  });

  it("every instance's region cache drops its answer within a second of a write through another", async () => {
    const teacher = await tokenOf(TEACHER);
    const intermediary = await tokenOf(INTERMEDIARY);
    const catalog = (s: ServerProcess) => call(s.url, "GET", "/api/opportunities?pageSize=50", { token: teacher });
    const first = await catalog(servers[0]!);
    const opportunity = first.json().items![0]!;
    const oldTitle = opportunity.title as string;
    for (const s of servers) for (let i = 0; i < 2; i++) expect((await catalog(s)).text).toContain(oldTitle);
    // A change PostgreSQL does not announce (triggers off for this session): every instance keeps
    // serving its cached answer, which shows the answers are cached.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(
        sql`UPDATE opportunities SET title = 'Unannounced title' WHERE id = ${opportunity.id as string}`,
      );
    });
    for (const s of servers) expect((await catalog(s)).text).toContain(oldTitle);

    const title = `Cache probe ${randomBytes(3).toString("hex")}`;
    const write = await call(servers[0]!.url, "PATCH", `/api/opportunities/${opportunity.id as string}`, {
      token: intermediary,
      body: { title },
    });
    expect(write.status).toBe(200);
    const written = performance.now();
    const propagation = await Promise.all(
      servers.map(async (s) => {
        await eventually(
          async () => ((await catalog(s)).text.includes(title) ? true : undefined),
          5_000,
          `instance ${s.port} to drop its answer`,
        );
        return Math.round(performance.now() - written);
      }),
    );
    figures.cacheMs = propagation.join("/");
    // Instance 1 made the write (its own answers went at once); the others heard it from PostgreSQL.
    for (const ms of propagation) expect(ms).toBeLessThan(1_000);
  });

  it("makes 10,000 insurance reminders due (the workers' sweeps start on them while the other checks run)", async () => {
    reminderRegion = await seedDueInsuranceReminders(database.db, REMINDERS);
    remindersDueAt = performance.now();
  });

  it("login limits hold across instances: the same count as on one instance", async () => {
    const wrongUntilRefused = async (bases: string[], email: string) => {
      for (let attempt = 1; attempt <= 20; attempt++) {
        const res = await login(bases[(attempt - 1) % bases.length]!, email, "not the password");
        if (res.status === 429) return attempt;
        expect(res.status).toBe(401);
      }
      return Infinity;
    };
    const spread = await wrongUntilRefused([proxy!.url], TEACHER);
    const single = await wrongUntilRefused([servers[0]!.url], "employer@valley.example");
    expect(spread).toBe(6);
    expect(spread).toBe(single);
    // The proxy did spread them: each instance answered some.
    for (const target of proxy!.targets) expect(target.answered).toBeGreaterThan(0);
    figures.loginRefusedAt = spread;
  });

  it("follows an import started on instance 1 from instances 2 and 3: progress, then done", {
    timeout: 60_000,
  }, async () => {
    const token = await tokenOf(COORDINATOR);
    const header =
      "localId,ssid,firstName,lastName,birthDate,grade,schoolId,guardianName,guardianEmail,guardianPhone,guardianLanguage,gender,raceEthnicity,englishLearner,disability,lowIncome";
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `MI-${i},,First${i},Last${i},2009-0${(i % 9) + 1}-1${i % 10},10,Valley High,,,,,,,,,`,
    );
    const started = await call(servers[0]!.url, "POST", "/api/students/import?async=1", {
      token,
      body: [header, ...rows].join("\n"),
    });
    expect(started.status).toBe(202);
    const importId = started.json().importId as string;
    const seen: { status: string; processed: number; total: number; created: number }[] = [];
    const last = await eventually(
      async () => {
        const res = await call(servers[1 + (seen.length % 2)]!.url, "GET", `/api/students/imports/${importId}`, {
          token,
        });
        expect(res.status).toBe(200);
        const status = res.json() as (typeof seen)[number];
        seen.push(status);
        return status.status === "running" ? undefined : status;
      },
      50_000,
      "the import to finish",
    );
    expect(last).toMatchObject({ status: "done", processed: 10_000, total: 10_000, created: 10_000 });
    // Seen running from the other instances (the first poll follows the 202 at once; 10,000 rows
    // take over a second), then done. Progress mid-way is written at most every PROGRESS_WRITE_MS,
    // so whether a poll lands between two writes depends on the machine's speed: that the latest
    // progress reaches any reader is tested on its own in background-tasks.test.ts.
    expect(seen.some((s) => s.status === "running" && s.processed < s.total)).toBe(true);
    // The other instance answers the same.
    expect((await call(servers[2]!.url, "GET", `/api/students/imports/${importId}`, { token })).json()).toMatchObject({
      status: "done",
      created: 10_000,
    });
    figures.importPolls = seen.length;
  });

  it("under load, SIGKILL loses only the requests in flight there; SIGTERM loses none and exits 0 within 30 s", {
    timeout: 90_000,
  }, async () => {
    const token = await tokenOf(COORDINATOR);
    const [school] = await database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, "Valley High"));
    type Outcome = { kind: "read" | "write"; status: number; lostOn: string | null; id?: string };
    const outcomes: Outcome[] = [];
    let running = true;
    let n = 0;
    const client = async () => {
      while (running) {
        const write = n++ % 2 === 0;
        const res = write
          ? await call(proxy!.url, "POST", "/api/students", {
              token,
              body: {
                localId: `LOAD-${n}-${randomBytes(3).toString("hex")}`,
                firstName: "Load",
                lastName: `Client${n}`,
                birthDate: "2009-04-05",
                grade: 10,
                schoolId: school!.id,
              },
            })
          : await call(proxy!.url, "GET", "/api/opportunities?pageSize=20", { token });
        outcomes.push({
          kind: write ? "write" : "read",
          status: res.status,
          lostOn: res.headers.get("x-proxy-lost"),
          id: write && res.status === 201 ? (res.json().id as string) : undefined,
        });
      }
    };
    const clients = Array.from({ length: 20 }, client);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    await pause(2_000);
    const [, drained, killed] = servers;
    killed!.signal("SIGKILL");
    expect((await killed!.exited).signal).toBe("SIGKILL");
    await pause(2_000);
    const term = Date.now();
    drained!.signal("SIGTERM");
    const exit = await drained!.exited;
    const drainMs = exit.at - term;
    expect(drained!.output()).toContain("Draining for 3 s");
    await pause(1_500);
    running = false;
    await Promise.all(clients);

    const [, drainedStats, killedStats] = proxy!.targets;
    const failed = outcomes.filter((o) => o.status < 200 || o.status >= 300);
    figures.requests = outcomes.length;
    figures.lostOnSigkill = killedStats!.lost;
    figures.lostOnSigterm = drainedStats!.lost;
    figures.drainMs = drainMs;
    figures.passedOnByDraining = drainedStats!.passedOn;
    figures.lostCodes = [...killedStats!.lostCodes, ...drainedStats!.lostCodes].join(",") || "none";
    // Only the requests in flight on the killed instance failed (502 from the proxy), and the
    // proxy stopped sending to it; the stopped instance lost none and exited 0 in time.
    expect(failed.every((o) => o.status === 502 && o.lostOn === killed!.url)).toBe(true);
    expect(failed.length).toBe(killedStats!.lost);
    expect(killedStats!.lost).toBeLessThanOrEqual(20);
    expect(killedStats!.down).toBe(true);
    expect(drainedStats!.lost).toBe(0);
    expect(exit.code).toBe(0);
    expect(drainMs).toBeLessThan(30_000);
    expect(outcomes.filter((o) => o.kind === "write" && o.id).length).toBeGreaterThan(20);
    // Every write that was answered 2xx is in the database.
    const acknowledged = outcomes.flatMap((o) => (o.id ? [o.id] : []));
    const stored = await database.db
      .select({ id: students.id })
      .from(students)
      .where(inArray(students.id, acknowledged));
    expect(stored.length).toBe(acknowledged.length);
    // The last instance standing still answers through the proxy.
    expect((await call(proxy!.url, "GET", "/api/health")).status).toBe(200);
  });

  it("sends 10,000 due reminders exactly once with two workers", { timeout: 500_000 }, async () => {
    const regionId = reminderRegion;
    const counts = () =>
      database.db
        .select({
          rows: sql<number>`count(*)::int`,
          sent: sql<number>`count(*) FILTER (WHERE ${emails.status} = 'sent')::int`,
          recipients: sql<number>`count(DISTINCT (${emails.to}, ${emails.subject}))::int`,
        })
        .from(emails)
        .where(and(eq(emails.regionId, regionId), like(emails.dedupeKey, "insurance:%")));
    // Polled once a second: rendering 10,000 emails is the slow part, and the machine is shared.
    let final = (await counts())[0]!;
    for (
      const deadline = Date.now() + 480_000;
      final.sent < REMINDERS && Date.now() < deadline;
      final = (await counts())[0]!
    )
      await new Promise((r) => setTimeout(r, 1_000));
    figures.remindersSeconds = Math.round((performance.now() - remindersDueAt) / 100) / 10;
    const workerLog = fleet!.workers.map((w) => w.output().split("\n").slice(-15).join("\n")).join("\n---\n");
    expect(final.sent, `reminders sent; the workers said:\n${workerLog}`).toBe(REMINDERS);
    // One email per recipient and subject, and no outbox row handed over twice.
    expect(final).toEqual({ rows: REMINDERS, sent: REMINDERS, recipients: REMINDERS });
    const { rows } = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox WHERE payload->>'emailId' IN (SELECT id::text FROM emails WHERE region_id = ${regionId})`,
    );
    expect(rows[0]!.n).toBe(REMINDERS);
    figures.reminderDuplicates = final.rows - final.recipients;
  });
});
