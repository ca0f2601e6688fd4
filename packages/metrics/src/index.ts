import type { Db } from "@bridgework/db";
import type { Registry } from "prom-client";
import { type EmailOutcome, emailDeliveries } from "./emails.ts";
import { type RequestSample, requestMetrics } from "./http.ts";
import { watchOutbox } from "./outbox.ts";
import { type PoolLike, watchPool } from "./pool.ts";
import { type QueueCounts, watchQueues } from "./queues.ts";
import { type CacheStats, watchRegionCache } from "./region-cache.ts";
import { createRegistry } from "./registry.ts";
import { type MetricsListenOptions, type MetricsServer, serveMetrics } from "./serve.ts";

export type { CacheStats, EmailOutcome, MetricsListenOptions, MetricsServer, PoolLike, QueueCounts, RequestSample };

/**
 * A process's metrics: its registry, the instruments its code reports to (requests answered,
 * email deliveries), and sources read at scrape time (pool, queues, outbox, region cache). Built
 * by each entry point and handed down; nothing registers itself on import.
 */
export interface ProcessMetrics {
  registry: Registry;
  observeRequest(sample: RequestSample): void;
  observeEmail(outcome: EmailOutcome): void;
  watchPool(pool: PoolLike): void;
  watchQueues(counts: () => Promise<QueueCounts[]>): void;
  watchOutbox(db: Db): void;
  watchRegionCache(stats: () => CacheStats): void;
  serve(options: MetricsListenOptions): Promise<MetricsServer>;
}

export function createProcessMetrics(options: { scrapeTimeoutMs?: number } = {}): ProcessMetrics {
  const { registry, collectFailures } = createRegistry();
  const timeoutMs = options.scrapeTimeoutMs ?? 1000;
  return {
    registry,
    observeRequest: requestMetrics(registry),
    observeEmail: emailDeliveries(registry),
    watchPool: (pool) => watchPool(registry, pool),
    watchQueues: (counts) => watchQueues(registry, collectFailures, counts, timeoutMs),
    watchOutbox: (db) => watchOutbox(registry, collectFailures, db, timeoutMs),
    watchRegionCache: (stats) => watchRegionCache(registry, stats),
    serve: (listen) => serveMetrics(registry, listen),
  };
}
