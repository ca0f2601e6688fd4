import { Gauge, type Registry } from "prom-client";
import { PREFIX } from "./registry.ts";

/** What a `pg.Pool` tells about itself (read at scrape time; no query). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

export function watchPool(registry: Registry, pool: PoolLike) {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: `${PREFIX}db_pool_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge("clients", "PostgreSQL connections the pool holds open (busy + idle)", () => pool.totalCount);
  gauge("idle_clients", "Open connections not lent to a query or transaction", () => pool.idleCount);
  gauge(
    "waiting_requests",
    "Queries and transactions waiting for a connection (the pool is exhausted when above 0)",
    () => pool.waitingCount,
  );
  gauge("max_clients", "The most connections the pool may open", () => pool.options.max ?? 10);
}
