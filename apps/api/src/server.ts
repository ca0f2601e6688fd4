import { type ChildProcess, fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrateDatabase } from "@bridgework/db";
import { startEmbeddedPostgres, type EmbeddedServer } from "@bridgework/db/embedded";
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from "@bridgework/db/seed";
import { createJobDriver } from "@bridgework/jobs";
import { createMailer, startJobs } from "@bridgework/worker";
import { pino } from "pino";
import { buildApp, LOG_REDACT } from "./app.ts";
import type { Config } from "./config.ts";

export interface RunningServer {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

const WORKER_MAIN = fileURLToPath(new URL("../../worker/src/main.ts", import.meta.url));

/**
 * Boots everything `pnpm start` promises: database (embedded when DATABASE_URL is unset),
 * migrations, demo data on an empty database, jobs (in-process, or a worker process with
 * REDIS_URL), then the API and SPA on the port.
 */
export async function startServer(config: Config, say: (line: string) => void = console.log): Promise<RunningServer> {
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

async function boot(config: Config, say: (line: string) => void, undo: Array<() => Promise<unknown>>, unwind: () => Promise<void>): Promise<RunningServer> {
  const log = pino({ level: process.env.LOG_LEVEL ?? "info", redact: LOG_REDACT });
  let embedded: EmbeddedServer | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    say(`Starting embedded PostgreSQL (data in ${path.relative(process.cwd(), config.dataDir) || "."}/pg)…`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, "pg") });
    undo.push(embedded.stop);
    databaseUrl = embedded.url;
  }
  const database = createDatabase(databaseUrl);
  undo.push(database.close);
  say("Applying migrations…");
  await migrateDatabase(database.db);
  if (config.demo && (await isEmpty(database.db))) {
    say("Loading the demo region…");
    await seedDemo(database.db, (m) => say(`  ${m}`));
  }

  const driver = createJobDriver(config.redisUrl, config.queuePrefix);
  const jobs = await startJobs({
    db: database.db,
    driver,
    mailer: createMailer(config.smtpUrl),
    log: log.child({ name: "jobs" }),
    consume: driver.kind === "inline",
    sweepIntervalMs: config.sweepIntervalSeconds * 1000,
  });
  undo.push(jobs.stop);
  if (driver.kind === "redis" && process.env.START_WORKER !== "0") {
    const worker = fork(WORKER_MAIN, [], { execArgv: ["--import", "tsx"], env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "inherit" });
    undo.push(() => stopChild(worker));
  }

  const app = await buildApp({ config, db: database.db, driver, kick: jobs.kick, logger: { level: process.env.LOG_LEVEL ?? "info", redact: LOG_REDACT } });
  undo.push(() => app.close());
  await app.listen({ port: config.port, host: config.host });
  // The port actually bound: PORT=0 asks the OS for a free one.
  const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  say("");
  say(`Bridgework is running at ${url}  (API docs: ${url}/api/docs${config.smtpUrl ? "" : `, dev mailbox: ${url}/mailbox`})`);
  say(`Jobs: ${driver.kind === "redis" ? "BullMQ on REDIS_URL with a worker process" : "in-process"}. Database: ${embedded ? "embedded PostgreSQL" : "DATABASE_URL"}.`);
  if (config.demo) {
    say(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const [email, role, org] of DEMO_LOGINS) say(`  ${email.padEnd(30)} ${role.padEnd(13)} ${org}`);
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    databaseUrl,
    stop() {
      stopping ??= unwind();
      return stopping;
    },
  };
}

/** SIGTERM and wait for the exit (the worker finishes its current jobs first). */
async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
