import { createDatabase } from "@bridgework/db";
import { createBullmqDriver } from "@bridgework/jobs";
import { pino } from "pino";
import { createMailer } from "./mailer.ts";
import { startJobs } from "./runtime.ts";

/** The separate worker process used when REDIS_URL is set. Scale by running more of these. */
const log = pino({ name: "worker" });
const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!databaseUrl || !redisUrl) {
  log.error("The worker needs DATABASE_URL and REDIS_URL.");
  process.exit(1);
}
const database = createDatabase(databaseUrl);
const runtime = await startJobs({
  db: database.db,
  driver: createBullmqDriver({ url: redisUrl, prefix: process.env.QUEUE_PREFIX }),
  mailer: createMailer(process.env.SMTP_URL),
  log,
  consume: true,
  sweepIntervalMs: Number(process.env.SWEEP_INTERVAL_SECONDS ?? 300) * 1000,
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
