import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { FailedJob, JobDriver, QueueCounts } from "./driver.ts";
import { type Payload, type Processors, QUEUE_NAMES, QUEUES, type QueueName, RETRY } from "./queues.ts";

/**
 * BullMQ on Redis. Producers (API) and consumers (worker) both create this driver; only a
 * process that calls start() consumes. `prefix` isolates test runs sharing one Redis.
 */
export function createBullmqDriver(options: {
  url: string;
  prefix?: string;
  concurrency?: number;
  backoffMs?: number;
  /** How long a consumer's hold on a job lasts without renewal; a killed consumer's jobs return after it (BullMQ default 30 s). */
  lockDurationMs?: number;
  /** How often consumers look for jobs whose holder died (BullMQ default 30 s). */
  stalledIntervalMs?: number;
}): JobDriver {
  const prefix = options.prefix ?? "bw";
  // Named so `CLIENT LIST` shows which connections are ours (and that close() released them).
  const connection = new Redis(options.url, {
    maxRetriesPerRequest: null,
    lazyConnect: false,
    connectionName: `${prefix}:driver`,
  });
  connection.on("error", () => {});
  // BullMQ never closes a connection it was handed, so the ones made here are closed in close().
  const owned: Redis[] = [connection];
  const jobOptions = {
    attempts: RETRY.attempts,
    backoff: { type: "exponential", delay: options.backoffMs ?? RETRY.backoffMs },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: false,
  };
  const queues = new Map<QueueName, Queue>(
    QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix, defaultJobOptions: jobOptions })]),
  );
  const workers: Worker[] = [];
  const timers: NodeJS.Timeout[] = [];

  return {
    kind: "redis",
    async enqueue<Q extends QueueName>(name: Q, payload: Payload<Q>, jobId: string) {
      const job = await queues.get(name)!.add(name, payload, { jobId });
      // BullMQ ignores an id it already holds, failed jobs included (kept: removeOnFail false).
      // The outbox hands a row over again only when its outcome was never recorded: a job whose
      // last attempt failed while PostgreSQL was down (an outage longer than the ~15 s of
      // back-off) is failed here but still `dispatched` there. Ignoring it would leave that
      // email unsent for good; retried, it runs again (like the in-process driver, which forgets
      // a failed id). A row whose failure was recorded is `failed` and never handed over again.
      if (await job.isFailed()) await job.retry("failed");
    },
    async start(processors: Processors) {
      for (const name of QUEUE_NAMES) {
        const workerConnection = connection.duplicate();
        workerConnection.on("error", () => {});
        owned.push(workerConnection);
        const worker = new Worker(
          name,
          async (job) => {
            const processor = processors[name] as (
              p: unknown,
              m: { jobId: string; attempt: number },
            ) => Promise<unknown>;
            return processor(QUEUES[name].parse(job.data), { jobId: job.id!, attempt: job.attemptsMade + 1 });
          },
          {
            connection: workerConnection,
            prefix,
            // One sweep at a time per consumer: overlapping passes are safe, but only waste work.
            concurrency: name === "sweep" ? 1 : (options.concurrency ?? 4),
            ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
            ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
          },
        );
        worker.on("error", () => {});
        workers.push(worker);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    async schedule<Q extends QueueName>(id: string, everyMs: number, name: Q, payload: Payload<Q>) {
      const queue = queues.get(name)!;
      const upsert = () => queue.upsertJobScheduler(id, { every: everyMs }, { name, data: payload, opts: jobOptions });
      await upsert();
      // Redis can lose the scheduler with everything else (FLUSHALL, failover to an empty
      // replica). Upserting again is harmless: BullMQ aligns `every` slots to the clock, so the
      // same slot gets the same job id and no run is added; a lost scheduler comes back.
      const timer = setInterval(() => void upsert().catch(() => {}), Math.min(everyMs, 30_000));
      timer.unref();
      timers.push(timer);
    },
    async failed() {
      const out: FailedJob[] = [];
      for (const [name, queue] of queues) {
        for (const job of await queue.getFailed(0, 199)) {
          out.push({
            queue: name,
            jobId: job.id!,
            attempts: job.attemptsMade,
            error: job.failedReason ?? "failed",
            failedAt: new Date(job.finishedOn ?? job.timestamp).toISOString(),
          });
        }
      }
      return out;
    },
    async counts() {
      const out: QueueCounts[] = [];
      for (const [queue, q] of queues) {
        const c = await q.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
        out.push({
          queue,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          failed: c.failed ?? 0,
        });
      }
      return out;
    },
    async forgetFailed(name: QueueName, jobId: string) {
      const job = await queues.get(name)!.getJob(jobId);
      if (!job || !(await job.isFailed())) return false;
      // Two admins retrying at once: the second finds the job gone, which is the same outcome.
      await job.remove().catch(() => {});
      return true;
    },
    async idle() {
      for (;;) {
        let busy = 0;
        for (const queue of queues.values()) {
          const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
          // A job scheduler always holds its next run, waiting: that is not work in progress.
          busy += Object.values(counts).reduce((a, b) => a + b, 0) - (await queue.getJobSchedulersCount());
        }
        if (busy === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async ping() {
      try {
        return (await connection.ping()) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      timers.forEach(clearInterval);
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await Promise.all(owned.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
