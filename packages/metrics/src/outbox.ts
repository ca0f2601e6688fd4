import type { Db } from "@bridgework/db";
import { sql } from "drizzle-orm";
import { type Counter, Gauge, type Registry } from "prom-client";
import { PREFIX, withinTimeout } from "./registry.ts";

interface Row extends Record<string, unknown> {
  source: "outbox" | "emails";
  status: string;
  n: number;
  oldest: number;
}

const OUTBOX_STATES = ["pending", "dispatched"] as const;
const EMAIL_STATES = ["queued", "failed"] as const;

/**
 * Work asked for and not yet done, read from PostgreSQL at scrape time in one query (both tables
 * by their status indexes): outbox rows not finished (pending = not handed to a queue yet,
 * dispatched = handed over, job not finished) with the age of the oldest, and emails queued or
 * failed. Rows scheduled for later (`available_at` ahead) are not late and not counted.
 */
export function watchOutbox(registry: Registry, collectFailures: Counter<"source">, db: Db, timeoutMs = 1000) {
  let reading: Promise<Row[] | null> | null = null;
  // The gauges below are collected together in one scrape: they share one query.
  const read = () =>
    (reading ??= withinTimeout(query(db), timeoutMs)
      .catch(() => {
        collectFailures.inc({ source: "outbox" });
        return null;
      })
      .finally(() => {
        reading = null;
      }));

  /** A gauge by status whose values come from the shared query's rows of one source. */
  const gaugeByStatus = (
    name: string,
    help: string,
    source: Row["source"],
    states: readonly string[],
    value: (row: Row) => number,
  ) =>
    new Gauge({
      name: `${PREFIX}${name}`,
      help,
      labelNames: ["status"],
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await read();
        if (!rows) return;
        for (const status of states) {
          const row = rows.find((r) => r.source === source && r.status === status);
          this.set({ status }, row ? value(row) : 0);
        }
      },
    });

  gaugeByStatus(
    "outbox_unfinished",
    "Outbox rows due and not finished, by status: pending (not yet handed to a queue) or dispatched (handed over, job not finished)",
    "outbox",
    OUTBOX_STATES,
    (row) => row.n,
  );
  gaugeByStatus(
    "outbox_oldest_age_seconds",
    "Age of the oldest due, unfinished outbox row (since it became due), by status; 0 when there is none. The outbox lag",
    "outbox",
    OUTBOX_STATES,
    (row) => row.oldest,
  );
  gaugeByStatus(
    "emails",
    "Email rows not sent, by status: queued (waiting or being retried) or failed (every attempt failed)",
    "emails",
    EMAIL_STATES,
    (row) => row.n,
  );
}

async function query(db: Db): Promise<Row[]> {
  const result = await db.execute<Row>(sql`
    select 'outbox' as source, status::text as status, count(*)::int as n,
           extract(epoch from now() - min(available_at))::float8 as oldest
      from outbox where status in ('pending', 'dispatched') and available_at <= now() group by status
    union all
    select 'emails', status::text, count(*)::int, 0::float8
      from emails where status in ('queued', 'failed') group by status`);
  return result.rows;
}
