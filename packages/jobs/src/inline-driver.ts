import type { FailedJob, JobDriver } from "./driver.ts";
import { type Payload, type Processors, QUEUE_NAMES, QUEUES, type QueueName, RETRY } from "./queues.ts";

interface Pending {
  queue: QueueName;
  payload: unknown;
  jobId: string;
  attempt: number;
}

/**
 * Runs jobs in this process, for the embedded default (no REDIS_URL). Same processors,
 * same retry/backoff policy and jobId de-duplication as BullMQ, without durability: the
 * outbox and the sweeps re-create anything lost in a crash.
 */
export function createInlineDriver(options: { backoffMs?: number; concurrency?: number } = {}): JobDriver {
  const backoffMs = options.backoffMs ?? RETRY.backoffMs;
  const concurrency = options.concurrency ?? 4;
  const known = new Set<string>();
  const queue: Pending[] = [];
  const failed: FailedJob[] = [];
  const timers = new Set<NodeJS.Timeout>();
  // What runs now and what waits for a retry's backoff, by queue (for counts()).
  const active = new Set<Pending>();
  const backingOff = new Map<NodeJS.Timeout, QueueName>();
  const schedules = new Map<string, NodeJS.Timeout>();
  let processors: Processors | null = null;
  let running = 0;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const checkIdle = () => {
    if (running === 0 && queue.length === 0 && timers.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  };

  const pump = () => {
    while (!closed && processors && running < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      running++;
      active.add(job);
      void run(job).finally(() => {
        running--;
        active.delete(job);
        pump();
        checkIdle();
      });
    }
  };

  const run = async (job: Pending) => {
    const processor = processors![job.queue] as (p: unknown, m: { jobId: string; attempt: number }) => Promise<unknown>;
    try {
      await processor(QUEUES[job.queue].parse(job.payload), { jobId: job.jobId, attempt: job.attempt });
      known.delete(job.jobId);
    } catch (error) {
      if (job.attempt >= RETRY.attempts || closed) {
        known.delete(job.jobId);
        failed.push({
          queue: job.queue,
          jobId: job.jobId,
          attempts: job.attempt,
          error: error instanceof Error ? error.message : String(error),
          failedAt: new Date().toISOString(),
        });
        return;
      }
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          backingOff.delete(timer);
          queue.push({ ...job, attempt: job.attempt + 1 });
          pump();
        },
        backoffMs * 2 ** (job.attempt - 1),
      );
      timers.add(timer);
      backingOff.set(timer, job.queue);
    }
  };

  const enqueue = async <Q extends QueueName>(name: Q, payload: Payload<Q>, jobId: string) => {
    if (closed || known.has(jobId)) return;
    known.add(jobId);
    queue.push({ queue: name, payload, jobId, attempt: 1 });
    pump();
  };

  return {
    kind: "inline",
    enqueue,
    async schedule<Q extends QueueName>(id: string, everyMs: number, name: Q, payload: Payload<Q>) {
      clearInterval(schedules.get(id));
      // One job id per schedule: a tick while the previous run is still going (or retrying) is
      // ignored, so runs never overlap. Runs once now, as a BullMQ job scheduler does.
      const tick = () => void enqueue(name, payload, `schedule:${id}`);
      const timer = setInterval(tick, everyMs);
      timer.unref();
      schedules.set(id, timer);
      tick();
    },
    async start(p) {
      processors = p;
      pump();
    },
    async failed() {
      return [...failed];
    },
    async counts() {
      const count = <T>(items: Iterable<T>, name: QueueName, queueOf: (item: T) => QueueName) =>
        [...items].filter((item) => queueOf(item) === name).length;
      return QUEUE_NAMES.map((name) => ({
        queue: name,
        waiting: count(queue, name, (job) => job.queue),
        active: count(active, name, (job) => job.queue),
        delayed: count(backingOff.values(), name, (q) => q),
        failed: count(failed, name, (job) => job.queue),
      }));
    },
    async forgetFailed(name: QueueName, jobId: string) {
      const index = failed.findIndex((f) => f.queue === name && f.jobId === jobId);
      if (index < 0) return false;
      failed.splice(index, 1);
      return true;
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
    async ping() {
      return true;
    },
    async close() {
      closed = true;
      schedules.forEach(clearInterval);
      schedules.clear();
      timers.forEach(clearTimeout);
      timers.clear();
      backingOff.clear();
      // Queued jobs are dropped (the outbox re-dispatches them on the next start); the ones
      // running now finish first, as BullMQ's worker.close() lets them, before the pool closes.
      queue.length = 0;
      await new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
  };
}
