import { collectDefaultMetrics, Counter, Registry } from "prom-client";

/** Every metric of ours starts with this, so a dashboard finds them next to the process's own. */
export const PREFIX = "bridgework_";

/**
 * One registry per process (per `createProcessMetrics` call, so tests can build several): the
 * Node.js process metrics prom-client knows (CPU, memory, event loop lag, GC, handles) plus ours.
 */
export function createRegistry(): { registry: Registry; collectFailures: Counter<"source"> } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const collectFailures = new Counter({
    name: `${PREFIX}metrics_collect_failures_total`,
    help: "Scrapes that could not read a source in time (queues: Redis, outbox: PostgreSQL); its gauges are left out of that scrape",
    labelNames: ["source"],
    registers: [registry],
  });
  return { registry, collectFailures };
}

/** A scrape must answer even when Redis or PostgreSQL does not: give up on a source after `ms`. */
export function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
