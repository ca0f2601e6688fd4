import { Counter, Gauge, type Registry } from "prom-client";
import { PREFIX } from "./registry.ts";

/** Running totals the region cache keeps (apps/api/src/lib/region-cache.ts), read at scrape time. */
export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
  entries: number;
  bytes: number;
}

export function watchRegionCache(registry: Registry, stats: () => CacheStats) {
  const total = (name: "hits" | "misses" | "evictions", help: string) =>
    new Counter({
      name: `${PREFIX}region_cache_${name}_total`,
      help,
      registers: [registry],
      collect() {
        // The cache's own running total is the counter's value.
        this.reset();
        this.inc(stats()[name]);
      },
    });
  total("hits", "Catalog searches and suggestions answered from this process's region cache");
  total(
    "misses",
    "Catalog searches and suggestions computed (not cached, stale after a change, or no live LISTEN connection)",
  );
  total("evictions", "Answers dropped to stay under the cache's size limit (least recently used first)");
  const gauge = (name: "entries" | "bytes", help: string) =>
    new Gauge({
      name: `${PREFIX}region_cache_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(stats()[name]);
      },
    });
  gauge("entries", "Answers held in the region cache");
  gauge("bytes", "Size of the answers held in the region cache");
}
