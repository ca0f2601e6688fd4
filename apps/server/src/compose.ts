import { type App, buildApp, type BuildAppOptions, type Clock, type Config } from "@bridgework/api";
import type { Db } from "@bridgework/db";
import type { JobDriver } from "@bridgework/jobs";
import type { ProcessMetrics } from "@bridgework/metrics";
import { createMailer, createSweeps, type JobsRuntime, type Mailer, startJobs, type Sweeps } from "@bridgework/worker";
import type { Logger } from "pino";

export interface ComposeOptions {
  config: Config;
  db: Db;
  driver: JobDriver;
  /** The jobs' logger; the API logs through `logger` (Fastify's option, off when unset). */
  log: Logger;
  logger?: BuildAppOptions["logger"];
  /** Process jobs and run the scheduled sweeps here (in-process driver); false when worker processes do. */
  consume: boolean;
  clock?: Clock;
  /** Defaults to SMTP on `config.smtpUrl`, or the dev mailbox. */
  mailer?: Mailer;
  /** Defaults to every feature's sweep, with links under `config.publicUrl`. */
  sweeps?: Sweeps;
  /** How often a consuming runtime runs the sweeps; unset: only when asked (tests run them by hand). */
  sweepIntervalMs?: number;
  /** The process's metrics, told of requests, email deliveries and the region cache; nothing is measured when unset. */
  metrics?: ProcessMetrics;
}

export interface ComposedApp {
  app: App;
  jobs: JobsRuntime;
}

/**
 * The API with the job runtime in the same process: the outbox is dispatched after each request
 * commits (`kick`), and with `consume` jobs and sweeps run here too. The one wiring shared by
 * `pnpm start`, the test harnesses and the benchmarks.
 */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const { config, db, driver, clock } = options;
  const jobs = await startJobs({
    db,
    driver,
    mailer: options.mailer ?? createMailer(config.smtpUrl),
    sweeps: options.sweeps ?? createSweeps({ publicUrl: config.publicUrl }),
    log: options.log,
    consume: options.consume,
    clock: clock ? () => clock.now() : undefined,
    sweepIntervalMs: options.sweepIntervalMs,
    publicUrl: config.publicUrl,
    observeEmail: options.metrics?.observeEmail,
  });
  try {
    const app = await buildApp({
      config,
      db,
      driver,
      kick: jobs.kick,
      clock,
      logger: options.logger,
      observeRequest: options.metrics?.observeRequest,
    });
    options.metrics?.watchRegionCache(() => app.regionCache.stats());
    return { app, jobs };
  } catch (error) {
    await jobs.stop();
    throw error;
  }
}
