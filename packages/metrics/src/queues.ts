import { Gauge, type Counter, type Registry } from "prom-client";
import { PREFIX, withinTimeout } from "./registry.ts";

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

const STATES = ["waiting", "active", "delayed", "failed"] as const;

/** Jobs per queue and state, asked of the driver (BullMQ: Redis) at each scrape, given up on after `timeoutMs`. */
export function watchQueues(
  registry: Registry,
  collectFailures: Counter<"source">,
  counts: () => Promise<QueueCounts[]>,
  timeoutMs = 1000,
) {
  new Gauge({
    name: `${PREFIX}queue_jobs`,
    help: "Jobs per queue and state: waiting (to run), active (running), delayed (retry backoff, or a schedule's next run), failed (retries exhausted, kept until retried by an admin)",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const row of await withinTimeout(counts(), timeoutMs)) {
          for (const state of STATES) this.set({ queue: row.queue, state }, row[state]);
        }
      } catch {
        collectFailures.inc({ source: "queues" });
      }
    },
  });
}
