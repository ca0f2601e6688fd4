import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { outbox } from "@bridgework/db";
import { seedDemo } from "@bridgework/db/seed";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { DEMO_PASSWORD } from "../../api/test/harness.ts";
import { loadServerConfig, type RunningServer, startServer } from "../src/index.ts";
import { scrape } from "./scrape.ts";

/**
 * What an operator's Prometheus sees: the real `startServer` (API, outbox dispatch, a forked
 * worker on BullMQ) with METRICS_PORT and WORKER_METRICS_PORT, scraped over HTTP and parsed with
 * a Prometheus text parser before and after real requests.
 */

const TOKEN = `scrape-${randomBytes(12).toString("hex")}`;
const QUEUES = ["email", "sweep", "district-export"];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

let database: TestDatabase;
let server: RunningServer;
let workerMetricsUrl: string;
const dataDir = mkdtempSync(path.join(tmpdir(), "bw-metrics-"));

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, undefined, { history: false });
  const workerPort = await freePort();
  workerMetricsUrl = `http://127.0.0.1:${workerPort}/metrics`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_URL: inject("redisUrl"),
    QUEUE_PREFIX: `bw-metrics-${randomBytes(4).toString("hex")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    METRICS_PORT: "0",
    METRICS_TOKEN: TOKEN,
    WORKER_METRICS_PORT: String(workerPort),
    JWT_SECRET: "metrics-test-secret-metrics-test-secret",
    PUBLIC_URL: "http://bridgework.test",
    SWEEP_INTERVAL_SECONDS: "3600",
    SMTP_URL: "",
    LOG_LEVEL: "warn",
    DATA_DIR: dataDir,
  };
  server = await startServer(loadServerConfig(env), () => {});
});
afterAll(async () => {
  await server?.stop();
  await database?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const get = (url: string, token?: string) =>
  fetch(`${server.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("GET /metrics", () => {
  it("is served on its own port with the token only, never on the public port", async () => {
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(server.metricsUrl!).port).not.toBe(new URL(server.url).port);
    const anonymous = await fetch(server.metricsUrl!);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await fetch(server.metricsUrl!, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect(
      (await fetch(server.metricsUrl!.replace("/metrics", "/"), { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(404);
    // On the public port it is no route of the API: a 404 problem, or the SPA's page when it is built.
    for (const publicPath of ["/metrics", "/api/metrics"]) {
      const res = await get(publicPath);
      const body = await res.text();
      expect(res.headers.get("content-type")).not.toMatch(/^text\/plain/);
      expect(body).not.toContain("bridgework_http_requests_total");
    }
    const ok = await fetch(server.metricsUrl!, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("counts requests by route pattern and status, with a latency histogram", async () => {
    const before = await scrape(server.metricsUrl!, TOKEN);
    const teacher = await login("teacher@valley.example");
    await login("intermediary@valley.example");
    expect((await get(`/api/matches/${randomUUID()}`, teacher)).status).toBe(404);
    expect((await get(`/api/matches/${randomUUID()}`, teacher)).status).toBe(404);
    expect((await get("/api/no-such-thing")).status).toBe(404);
    expect((await get("/api/me")).status).toBe(401);
    const after = await scrape(server.metricsUrl!, TOKEN);

    const moved = (labels: Record<string, string>) =>
      after.value("bridgework_http_requests_total", labels) - before.value("bridgework_http_requests_total", labels);
    expect(moved({ method: "POST", route: "/api/auth/login", status: "200" })).toBe(2);
    expect(moved({ method: "GET", route: "/api/matches/:id", status: "404" })).toBe(2);
    expect(moved({ method: "GET", route: "unmatched", status: "404" })).toBe(1);
    expect(moved({ method: "GET", route: "/api/me", status: "401" })).toBe(1);
    // Route patterns only: no id (nor any raw URL) becomes a label value.
    const routes = after.family("bridgework_http_requests_total").metrics.map((m) => m.labels?.route ?? "");
    expect(routes.filter((r) => UUID.test(r) || r.includes("no-such-thing"))).toEqual([]);

    expect(after.family("bridgework_http_request_duration_seconds").type).toBe("HISTOGRAM");
    const histogram = after.histogram("bridgework_http_request_duration_seconds", {
      method: "POST",
      route: "/api/auth/login",
      status: "200",
    });
    expect(histogram.buckets.map((b) => b.le)).toEqual([
      "0.005",
      "0.01",
      "0.025",
      "0.05",
      "0.1",
      "0.25",
      "0.5",
      "1",
      "2.5",
      "5",
      "10",
      "+Inf",
    ]);
    expect(histogram.buckets.at(-1)!.count).toBe(histogram.count);
    const counts = histogram.buckets.map((b) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b)); // cumulative
    const beforeCount = before.histogram("bridgework_http_request_duration_seconds", {
      method: "POST",
      route: "/api/auth/login",
      status: "200",
    }).count;
    expect(histogram.count - (Number.isNaN(beforeCount) ? 0 : beforeCount)).toBe(2);
    // Password hashing (argon2) takes milliseconds: the time is measured, not zero.
    expect(histogram.sum).toBeGreaterThan(0.001);
  });

  it("shows the pool, the queues and the process", async () => {
    const now = await scrape(server.metricsUrl!, TOKEN);
    expect(now.value("bridgework_db_pool_max_clients")).toBe(10);
    expect(now.value("bridgework_db_pool_clients")).toBeGreaterThanOrEqual(1);
    expect(now.value("bridgework_db_pool_idle_clients")).toBeLessThanOrEqual(now.value("bridgework_db_pool_clients"));
    expect(now.value("bridgework_db_pool_waiting_requests")).toBe(0);
    for (const queue of QUEUES) {
      for (const state of ["waiting", "active", "delayed", "failed"]) {
        const sample = now.sample("bridgework_queue_jobs", { queue, state });
        expect(sample, `${queue} ${state}`).toBeDefined();
        expect(Number(sample!.value)).toBeGreaterThanOrEqual(0);
      }
    }
    expect(now.value("bridgework_metrics_collect_failures_total", { source: "queues" })).toBe(0);
    // prom-client's process metrics come along.
    expect(now.value("process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(now.family("nodejs_eventloop_lag_seconds").type).toBe("GAUGE");
  });

  it("reports the outbox lag: the age of the oldest unfinished row", async () => {
    const before = await scrape(server.metricsUrl!, TOKEN);
    expect(before.value("bridgework_outbox_oldest_age_seconds", { status: "dispatched" })).toBeLessThan(60);
    // A job handed to Redis two minutes ago that never finished (Redis lost it, or no worker runs).
    await database.db.insert(outbox).values({
      queue: "email",
      payload: { emailId: randomUUID() },
      status: "dispatched",
      availableAt: sql`now() - interval '2 minutes'`,
      createdAt: sql`now() - interval '2 minutes'`,
      dispatchedAt: sql`now()`,
    });
    const after = await scrape(server.metricsUrl!, TOKEN);
    expect(after.value("bridgework_outbox_oldest_age_seconds", { status: "dispatched" })).toBeGreaterThanOrEqual(120);
    expect(after.value("bridgework_outbox_oldest_age_seconds", { status: "dispatched" })).toBeLessThan(180);
    expect(after.value("bridgework_outbox_unfinished", { status: "dispatched" })).toBe(
      before.value("bridgework_outbox_unfinished", { status: "dispatched" }) + 1,
    );
    expect(after.sample("bridgework_outbox_unfinished", { status: "pending" })).toBeDefined();
    expect(after.sample("bridgework_emails", { status: "failed" })?.value).toBe("0");
  });

  it("counts region cache hits and misses of catalog searches", async () => {
    const teacher = await login("teacher@valley.example");
    const before = await scrape(server.metricsUrl!, TOKEN);
    const search = `/api/opportunities?q=${randomBytes(4).toString("hex")}`;
    // Kept from its second ask (one asked for once is not kept), answered from memory on the third.
    expect((await get(search, teacher)).status).toBe(200);
    expect((await get(search, teacher)).status).toBe(200);
    expect((await get(search, teacher)).status).toBe(200);
    const after = await scrape(server.metricsUrl!, TOKEN);
    expect(
      after.value("bridgework_region_cache_misses_total") - before.value("bridgework_region_cache_misses_total"),
    ).toBe(2);
    expect(after.value("bridgework_region_cache_hits_total") - before.value("bridgework_region_cache_hits_total")).toBe(
      1,
    );
    expect(after.value("bridgework_region_cache_entries")).toBeGreaterThanOrEqual(1);
    expect(after.value("bridgework_region_cache_evictions_total")).toBe(0);
  });

  it("lets the worker process be scraped too, counting the emails it sends", async () => {
    const first = await eventually(
      () => scrape(workerMetricsUrl, TOKEN).catch(() => undefined),
      30_000,
      "the worker's metrics",
    );
    expect(first.sample("bridgework_email_deliveries_total", { outcome: "failed" })?.value).toBe("0");
    const sentBefore = first.value("bridgework_email_deliveries_total", { outcome: "sent" });
    expect((await fetch(workerMetricsUrl)).status).toBe(401);
    const res = await fetch(`${server.url}/api/auth/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "teacher@valley.example" }),
    });
    expect(res.status).toBe(204);
    const after = await eventually(
      async () => {
        const now = await scrape(workerMetricsUrl, TOKEN);
        return now.value("bridgework_email_deliveries_total", { outcome: "sent" }) > sentBefore ? now : undefined;
      },
      20_000,
      "the reset email's delivery",
    );
    expect(after.value("bridgework_email_deliveries_total", { outcome: "sent" })).toBe(sentBefore + 1);
    for (const queue of QUEUES)
      expect(after.sample("bridgework_queue_jobs", { queue, state: "waiting" })).toBeDefined();
    expect(after.value("bridgework_db_pool_max_clients")).toBe(10);
    expect(after.value("process_cpu_user_seconds_total")).toBeGreaterThan(0);
  });
});
