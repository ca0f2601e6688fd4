import type { Db } from "@bridgework/db";
import { dispatchOutbox, type JobDriver, markOutboxFinished, type Processors, RETRY } from "@bridgework/jobs";
import type { Logger } from "pino";
import { deliverEmail } from "./deliver-email.ts";
import type { Mailer } from "./mailer.ts";
import { sweeps } from "./sweeps.ts";

export interface JobsRuntime {
  /** Dispatch the outbox now (called after a request commits, and on a timer). */
  kick(): void;
  /** Runs every registered sweep once. */
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
  /** Consume jobs in this process (inline mode, or the worker process). */
  consume: boolean;
  dispatchIntervalMs?: number;
  sweepIntervalMs?: number;
}

function processorsFor(opts: JobsOptions): Processors {
  const track =
    <P>(fn: (payload: P, finalAttempt: boolean) => Promise<"done" | "skipped">) =>
    async (payload: P, meta: { jobId: string; attempt: number }) => {
      try {
        const outcome = await fn(payload, meta.attempt >= RETRY.attempts);
        await markOutboxFinished(opts.db, meta.jobId, { ok: true });
        return outcome;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        opts.log.warn({ jobId: meta.jobId, attempt: meta.attempt, err: message }, "job failed");
        if (meta.attempt >= RETRY.attempts) await markOutboxFinished(opts.db, meta.jobId, { ok: false, error: message });
        throw error;
      }
    };
  return {
    email: track(({ emailId }, finalAttempt) => deliverEmail(opts.db, opts.mailer, emailId, { finalAttempt })),
    sweep: track(async ({ sweep }) => {
      const run = sweeps[sweep];
      if (!run) return "skipped";
      await run({ db: opts.db, now: (opts.clock ?? (() => new Date()))() });
      return "done";
    }),
  };
}

/** Starts dispatching the outbox and (when `consume`) processing jobs and timed sweeps. */
export async function startJobs(opts: JobsOptions): Promise<JobsRuntime> {
  const clock = opts.clock ?? (() => new Date());
  if (opts.consume) await opts.driver.start(processorsFor(opts));
  let stopped = false;
  let dispatching: Promise<void> | null = null;
  let again = false;

  const dispatchLoop = async () => {
    do {
      again = false;
      while ((await dispatchOutbox(opts.db, opts.driver, clock())) > 0) {
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
      .catch((error: unknown) => opts.log.error({ err: error instanceof Error ? error.message : String(error) }, "outbox dispatch failed"))
      .finally(() => {
        dispatching = null;
      });
  };

  const runSweeps = async (now = clock()) => {
    const counts: Record<string, number> = {};
    for (const [name, sweep] of Object.entries(sweeps)) counts[name] = await sweep({ db: opts.db, now });
    kick();
    return counts;
  };

  const timers: NodeJS.Timeout[] = [];
  if (opts.consume) {
    timers.push(setInterval(kick, opts.dispatchIntervalMs ?? 1000));
    if (opts.sweepIntervalMs && opts.sweepIntervalMs > 0) {
      timers.push(
        setInterval(() => {
          runSweeps().catch((error: unknown) => opts.log.error({ err: String(error) }, "sweep failed"));
        }, opts.sweepIntervalMs),
      );
    }
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
        if (!dispatching && (await dispatchOutbox(opts.db, opts.driver, clock())) === 0) {
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
