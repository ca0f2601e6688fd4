export * from "./queues.ts";
export * from "./driver.ts";
export * from "./inline-driver.ts";
export * from "./bullmq-driver.ts";
export * from "./outbox.ts";

import { createBullmqDriver } from "./bullmq-driver.ts";
import type { JobDriver } from "./driver.ts";
import { createInlineDriver } from "./inline-driver.ts";

/** BullMQ when REDIS_URL is set, in-process otherwise. */
export function createJobDriver(redisUrl: string | undefined, prefix?: string): JobDriver {
  return redisUrl ? createBullmqDriver({ url: redisUrl, prefix }) : createInlineDriver();
}
