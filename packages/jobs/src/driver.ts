import type { Payload, Processors, QueueName } from "./queues.ts";

/** How many jobs a queue holds in each state (metrics read these at scrape time). */
export interface QueueCounts {
  queue: QueueName;
  /** Ready to run (BullMQ's waiting and prioritized). */
  waiting: number;
  active: number;
  /** Waiting for a retry's backoff, or a job scheduler's next run. */
  delayed: number;
  /** Retries exhausted and kept for an admin. */
  failed: number;
}

export interface FailedJob {
  queue: QueueName;
  jobId: string;
  attempts: number;
  error: string;
  failedAt: string;
}

/** Both drivers (BullMQ and in-process) run the same processors the same way. */
export interface JobDriver {
  readonly kind: "redis" | "inline";
  /** Idempotent by jobId: enqueueing the same id twice runs the job once. */
  enqueue<Q extends QueueName>(queue: Q, payload: Payload<Q>, jobId: string): Promise<void>;
  /** Starts consuming with these processors. */
  start(processors: Processors): Promise<void>;
  /**
   * Runs `payload` on `queue` every `everyMs`, once per interval across every consumer (BullMQ:
   * a job scheduler in Redis; in-process: a timer). Scheduling the same id again replaces it.
   */
  schedule<Q extends QueueName>(id: string, everyMs: number, queue: Q, payload: Payload<Q>): Promise<void>;
  /** Jobs that exhausted their retries. */
  failed(): Promise<FailedJob[]>;
  /**
   * Drops a job that exhausted its retries so the same id can be enqueued again (an admin retry:
   * otherwise the id would still be taken and the enqueue ignored). True when there was one.
   */
  forgetFailed(queue: QueueName, jobId: string): Promise<boolean>;
  /** Jobs per state, for every queue. */
  counts(): Promise<QueueCounts[]>;
  /** Resolves when nothing is waiting or running (tests and graceful shutdown). */
  idle(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
