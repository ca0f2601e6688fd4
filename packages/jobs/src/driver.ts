import type { Payload, Processors, QueueName } from "./queues.ts";

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
  /** Jobs that exhausted their retries. */
  failed(): Promise<FailedJob[]>;
  /** Resolves when nothing is waiting or running (tests and graceful shutdown). */
  idle(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
