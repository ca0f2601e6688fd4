import { z } from "zod";

/** One typed map: queue name → payload schema. Payloads carry ids only. */
export const QUEUES = {
  email: z.object({ emailId: z.uuid() }),
  sweep: z.object({ sweep: z.string() }),
  /** Builds one district export (district_exports row) into its ZIP. */
  "district-export": z.object({ exportId: z.uuid() }),
} as const;

export type QueueName = keyof typeof QUEUES;
export type Payload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export type JobOutcome = "done" | "skipped";

/** A processor re-reads its rows and must be safe to run twice. */
export type Processor<Q extends QueueName = QueueName> = (
  payload: Payload<Q>,
  meta: { jobId: string; attempt: number },
) => Promise<JobOutcome>;
export type Processors = { [Q in QueueName]: Processor<Q> };

/** Retries with exponential backoff; after the last attempt the job stays visible as failed. */
export const RETRY = { attempts: 5, backoffMs: 1000 } as const;
