import type { Db } from "@bridgework/db";
import { dispatchOutbox, type JobDriver, markOutboxFinished, type Processors, RETRY } from "@bridgework/jobs";
import type { Logger } from "pino";
import { deliverEmail } from "./deliver-email.ts";
import { runDistrictExport } from "./district-export/export-job.ts";
import type { Mailer } from "./mailer.ts";
import { unlessSweeping } from "./sweep-lock.ts";
import type { Sweeps } from "./sweeps.ts";

/** The scheduled job's payload `{ sweep: "all" }` runs every sweep the runtime was given. */
export const ALL_SWEEPS = "all";
/** Id of the job scheduler (BullMQ) or timer (in-process) that runs the sweeps. */
export const SWEEP_SCHEDULE = "reminder-sweeps";

export interface JobsRuntime {
  /** Dispatch the outbox now (called after a request commits, and on a timer). */
  kick(): void;
  /** Runs every sweep once; throws after running all of them if any failed. */
  runSweeps(now?: Date): Promise<Record<string, number>>;
  /** Waits until the outbox is drained and the driver idle. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface JobsOptions {
  db: Db;
  driver: JobDriver;
  mailer: Mailer;
  log: Logger;
  clock?: () => Date;
  /** The sweeps a `sweep` job runs, by name (`createSweeps(config)` in production). */
  sweeps: Sweeps;
  /** Consume jobs in this process (inline mode, or the worker process). */
  consume: boolean;
  dispatchIntervalMs?: number;
  /** How often the sweeps run (0 or unset: never on their own). Only a consuming runtime schedules them. */
  sweepIntervalMs?: number;
  /** A dispatched outbox row not finished after this long is handed over again (default 5 minutes). */
  redispatchAfterMs?: number;
  /** The SPA's public address, for links in emails jobs write (a district export is ready). */
  publicUrl?: string;
  /** Told of each delivery attempt as it ends (the process's metrics). */
  observeEmail?: (outcome: "sent" | "failed") => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The processors. A job that came from the outbox (jobId = outbox id) marks its row done, or
 * failed after the last attempt; scheduled sweep jobs have ids of their own and no row.
 */
function processorsFor(
  opts: JobsOptions,
  runSweeps: (now: Date) => Promise<unknown>,
  clock: () => Date,
  kick: () => void,
): Processors {
  const track =
    <P>(fn: (payload: P, finalAttempt: boolean) => Promise<"done" | "skipped">) =>
    async (payload: P, meta: { jobId: string; attempt: number }) => {
      const fromOutbox = UUID.test(meta.jobId);
      try {
        const outcome = await fn(payload, meta.attempt >= RETRY.attempts);
        if (fromOutbox) await markOutboxFinished(opts.db, meta.jobId, { ok: true });
        return outcome;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        opts.log.warn({ jobId: meta.jobId, attempt: meta.attempt, err: message }, "job failed");
        if (fromOutbox && meta.attempt >= RETRY.attempts)
          await markOutboxFinished(opts.db, meta.jobId, { ok: false, error: message });
        throw error;
      }
    };
  // Two jobs for one email at once happen only when Redis lost a running job and the outbox
  // handed it over again (FLUSHALL, failover). Both would read "not sent yet" and send: so in
  // this process the second waits for the first, then finds the email sent and skips it.
  const delivering = new Map<string, Promise<unknown>>();
  const deliverOnce = async (emailId: string, finalAttempt: boolean) => {
    for (let other = delivering.get(emailId); other; other = delivering.get(emailId)) await other.catch(() => {});
    const delivery = deliverEmail(opts.db, opts.mailer, emailId, { finalAttempt, observe: opts.observeEmail });
    delivering.set(emailId, delivery);
    try {
      return await delivery;
    } finally {
      delivering.delete(emailId);
    }
  };
  return {
    email: track(({ emailId }, finalAttempt) => deliverOnce(emailId, finalAttempt)),
    sweep: track(async ({ sweep }) => {
      if (sweep === ALL_SWEEPS) {
        // One scheduled run at a time across workers (sweep-lock.ts); a run that finds another going skips.
        const ran = await unlessSweeping(opts.db, () => runSweeps(clock()));
        return ran === null ? "skipped" : "done";
      }
      // Own names only: a payload naming "constructor" must not reach Object's prototype.
      const run = Object.hasOwn(opts.sweeps, sweep) ? opts.sweeps[sweep] : undefined;
      if (!run) return "skipped";
      await run({ db: opts.db, now: clock() });
      kick();
      return "done";
    }),
    "district-export": track(async ({ exportId }, finalAttempt) => {
      const outcome = await runDistrictExport(
        { db: opts.db, now: clock, publicUrl: opts.publicUrl },
        exportId,
        finalAttempt,
      );
      // Its "ready" email is an outbox row: hand it over now rather than at the next tick.
      kick();
      return outcome;
    }),
  };
}

/**
 * Starts dispatching the outbox and, when `consume`, processing jobs and the scheduled sweeps:
 * a BullMQ job scheduler with Redis (one run per interval across all workers), a timer
 * in-process. Either way a sweep run is a job, retried with backoff and visible when it fails.
 */
export async function startJobs(opts: JobsOptions): Promise<JobsRuntime> {
  const clock = opts.clock ?? (() => new Date());
  let stopped = false;
  let dispatching: Promise<void> | null = null;
  let again = false;
  const dispatch = () => dispatchOutbox(opts.db, opts.driver, clock(), { redispatchAfterMs: opts.redispatchAfterMs });

  const dispatchLoop = async () => {
    do {
      again = false;
      while ((await dispatch()) > 0) {
        /* keep going until a pass finds nothing */
      }
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (dispatching) {
      again = true;
      return;
    }
    dispatching = dispatchLoop()
      .catch((error: unknown) =>
        opts.log.error({ err: error instanceof Error ? error.message : String(error) }, "outbox dispatch failed"),
      )
      .finally(() => {
        dispatching = null;
      });
  };

  // Every sweep runs even when one fails; the failures are thrown together at the end so the
  // job is retried (sweeps are idempotent) and, if it keeps failing, shows as failed.
  const runSweeps = async (now = clock()) => {
    const counts: Record<string, number> = {};
    const failures: string[] = [];
    for (const [name, sweep] of Object.entries(opts.sweeps)) {
      try {
        counts[name] = await sweep({ db: opts.db, now });
      } catch (error) {
        failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    kick();
    if (Object.values(counts).some((n) => n > 0))
      opts.log.info({ counts }, "sweeps did work (reminders written, requests expired, students erased)");
    if (failures.length > 0) throw new Error(`sweeps failed: ${failures.join("; ")}`);
    return counts;
  };

  if (opts.consume) await opts.driver.start(processorsFor(opts, runSweeps, clock, kick));
  const timers: NodeJS.Timeout[] = [];
  if (opts.consume) {
    timers.push(setInterval(kick, opts.dispatchIntervalMs ?? 1000));
    if (opts.sweepIntervalMs && opts.sweepIntervalMs > 0)
      await opts.driver.schedule(SWEEP_SCHEDULE, opts.sweepIntervalMs, "sweep", { sweep: ALL_SWEEPS });
  }
  timers.forEach((t) => t.unref());
  kick();

  return {
    kick,
    runSweeps,
    async drain() {
      for (let i = 0; i < 1000; i++) {
        kick();
        if (dispatching) await dispatching;
        await opts.driver.idle();
        if (!dispatching && (await dispatch()) === 0) {
          await opts.driver.idle();
          return;
        }
      }
    },
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      if (dispatching) await dispatching;
      await opts.driver.close();
      opts.mailer.close();
    },
  };
}
