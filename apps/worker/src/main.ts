import { createDatabase } from "@bridgework/db";
import { createBullmqDriver, REDISPATCH_AFTER_MS } from "@bridgework/jobs";
import { pino } from "pino";
import { createMailer } from "./mailer.ts";
import { startJobs } from "./runtime.ts";
import "./sweeps/index.ts";

/**
 * The separate worker process used when REDIS_URL is set. Scale by running more of these: each
 * consumes jobs and dispatches the outbox; the sweeps run once per SWEEP_INTERVAL_SECONDS across
 * all of them (a BullMQ job scheduler).
 */
const log = pino({ name: "worker", level: process.env.LOG_LEVEL ?? "info" });
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!databaseUrl || !redisUrl) {
  log.error("The worker needs DATABASE_URL and REDIS_URL.");
  process.exit(1);
}

/** A non-negative number of seconds from the environment, in milliseconds; `fallback` (ms) when unset or invalid. */
function envMs(name: string, fallbackMs: number | undefined): number | undefined {
  const raw = process.env[name];
  const seconds = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
}

const database = createDatabase(databaseUrl);
const runtime = await startJobs({
  db: database.db,
  driver: createBullmqDriver({
    url: redisUrl,
    prefix: process.env.QUEUE_PREFIX,
    concurrency: Number(process.env.WORKER_CONCURRENCY) || undefined,
    // How soon jobs held by a worker that died (kill -9, OOM) run again elsewhere; BullMQ's 30 s by default.
    lockDurationMs: envMs("JOB_LOCK_SECONDS", undefined),
    stalledIntervalMs: envMs("JOB_STALLED_CHECK_SECONDS", undefined),
  }),
  mailer: createMailer(process.env.SMTP_URL),
  log,
  consume: true,
  sweepIntervalMs: envMs("SWEEP_INTERVAL_SECONDS", 300_000),
  // Work Redis lost (FLUSHALL, failover) is handed over again after this long.
  redispatchAfterMs: envMs("OUTBOX_REDISPATCH_SECONDS", REDISPATCH_AFTER_MS),
});
log.info("worker started");
process.send?.("ready");

const shutdown = async () => {
  await runtime.stop();
  await database.close();
  process.exit(0);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
