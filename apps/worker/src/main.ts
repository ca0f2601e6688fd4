import { createDatabase } from "@bridgework/db";
import { createBullmqDriver } from "@bridgework/jobs";
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

const database = createDatabase(config.databaseUrl);
const runtime = await startJobs({
  db: database.db,
  driver: createBullmqDriver({
    url: config.redisUrl,
    prefix: config.queuePrefix,
    concurrency: config.concurrency,
    lockDurationMs: config.lockDurationMs,
    stalledIntervalMs: config.stalledIntervalMs,
  }),
  mailer: createMailer(config.smtpUrl),
  sweeps: createSweeps({ publicUrl: config.publicUrl }),
  log,
  consume: true,
  sweepIntervalMs: config.sweepIntervalMs,
  redispatchAfterMs: config.redispatchAfterMs,
  publicUrl: config.publicUrl,
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
