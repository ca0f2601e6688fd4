import { createDatabase } from "@bridgework/db";
import { createBullmqDriver } from "@bridgework/jobs";
import { createProcessMetrics } from "@bridgework/metrics";
import { pino } from "pino";
import { loadWorkerConfig } from "./config.ts";
import { createMailer } from "./mailer.ts";
import { startJobs } from "./runtime.ts";
import { createSweeps } from "./sweeps/index.ts";

/**
 * The separate worker process used when REDIS_URL is set. Scale by running more of these: each
 * consumes jobs and dispatches the outbox; the sweeps run once per SWEEP_INTERVAL_SECONDS across
 * all of them (a BullMQ job scheduler). The only place the worker reads its environment.
 */
const config = loadWorkerConfig(process.env);
const log = pino({ name: "worker", level: config.logLevel });
if (!config.databaseUrl || !config.redisUrl) {
  log.error("The worker needs DATABASE_URL and REDIS_URL.");
  process.exit(1);
}

const database = createDatabase(config.databaseUrl, { timeouts: config.databaseTimeouts });
const driver = createBullmqDriver({
  url: config.redisUrl,
  prefix: config.queuePrefix,
  concurrency: config.concurrency,
  lockDurationMs: config.lockDurationMs,
  stalledIntervalMs: config.stalledIntervalMs,
});
const metrics = createProcessMetrics();
const runtime = await startJobs({
  db: database.db,
  driver,
  observeEmail: metrics.observeEmail,
  mailer: createMailer(config.smtpUrl),
  sweeps: createSweeps({ publicUrl: config.publicUrl }),
  log,
  consume: true,
  sweepIntervalMs: config.sweepIntervalMs,
  redispatchAfterMs: config.redispatchAfterMs,
  publicUrl: config.publicUrl,
});
// Every worker is scrapeable on its own port: its deliveries, its pool, and the queues and outbox as it sees them.
let metricsServer: { url: string; close(): Promise<void> } | null = null;
if (config.metrics) {
  metrics.watchPool(database.pool);
  metrics.watchQueues(() => driver.counts());
  metrics.watchOutbox(database.db);
  metricsServer = await metrics.serve(config.metrics);
}
log.info({ metrics: metricsServer?.url }, "worker started");
process.send?.("ready");

// SIGTERM (an orchestrator, or the server that forked us) and SIGINT (Ctrl-C reaches the whole
// process group, so both may come): the jobs running now finish and are marked done, nothing
// new is taken, then the pool closes and the exit code is 0. A job that hangs meets the deadline.
let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing the jobs in progress");
  const deadline = setTimeout(() => {
    log.error({ seconds: config.shutdownTimeoutMs / 1000 }, "jobs did not finish in time; exiting with code 1");
    process.exit(1);
  }, config.shutdownTimeoutMs);
  runtime
    .stop()
    .then(() => metricsServer?.close())
    .then(() => database.close())
    .then(
      () => {
        clearTimeout(deadline);
        log.info("worker stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, "worker shutdown failed");
        process.exit(1);
      },
    );
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
