import { pipeline, Readable } from "node:stream";
import type { Db } from "@bridgework/db";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type CsvColumn, csvStream, sendCsvFile } from "../csv-writer.ts";

const dialect = new PgDialect({ casing: "snake_case" });

interface CursorClient {
  query(query: {
    text: string;
    values?: unknown[];
    query_timeout?: number;
  }): Promise<{ rows: Record<string, unknown>[] }>;
  release(): void;
}

/** The node-postgres pool under drizzle: a cursor needs one connection for the whole download. */
function poolOf(db: Db): { connect(): Promise<CursorClient> } {
  return (db as unknown as { $client: { connect(): Promise<CursorClient> } }).$client;
}

/** Rows fetched per round trip: a few hundred KB at most, whatever the report's size. */
const BATCH = 2000;

/**
 * Memory for the sorts and hashes of one report statement (PostgreSQL's default 4MB spills to
 * disk). A region-year grouped by sector × level sorts ~200k rows (~39 MB): at 32MB it spilled;
 * 64MB keeps it in memory (measured ~430 → ~400 ms, district × kind ~400 → ~325 ms).
 */
export const REPORT_WORK_MEM = "64MB";

export type { CsvColumn };

/**
 * The pool stops a statement after DB_STATEMENT_TIMEOUT_SECONDS (30 s) and an idle transaction
 * after a minute. A download is one transaction that may sort a large region-year in its first
 * FETCH and then wait on a slow reader between batches, so it gets limits of its own.
 */
export const REPORT_STATEMENT_TIMEOUT_MS = 300_000;
export const REPORT_IDLE_IN_TRANSACTION_MS = 900_000;
/** The client-side read timeout for the same statements (the pool's would cut them off first). */
const REPORT_READ_TIMEOUT_MS = REPORT_STATEMENT_TIMEOUT_MS + 5_000;

/** `Accept: text/csv`, `?format=csv` or the route's `.csv` suffix. */
export function wantsCsv(req: FastifyRequest, format?: string): boolean {
  if (format) return format === "csv";
  if (req.url.split("?")[0]!.endsWith(".csv")) return true;
  return /\btext\/csv\b/i.test(req.headers.accept ?? "");
}

/**
 * Streams a query's rows as CSV without holding them: a server-side cursor in a read-only
 * transaction is fetched in batches only as fast as the client reads (Readable.from pulls the
 * generator on demand). The first batch is fetched before the headers go out, so a failing
 * query is still a problem+json error rather than a truncated file. Cells go through the one CSV
 * writer (lib/csv-writer.ts), which guards text against formula injection.
 */
export async function sendCsv(
  reply: FastifyReply,
  db: Db,
  query: SQL,
  options: {
    columns: CsvColumn[];
    filename: string;
    map?: (row: Record<string, unknown>) => Record<string, unknown>;
    /** Rows for which this is false are read but not written (e.g. records that failed validation). */
    keep?: (row: Record<string, unknown>) => boolean;
    /** Extra response headers, computed from the first row (or null when there is none) before anything is sent. */
    headers?: (first: Record<string, unknown> | null) => Record<string, string> | Promise<Record<string, string>>;
  },
) {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = await poolOf(db).connect();
  const run = (statement: string, values?: unknown[]) =>
    client.query({ text: statement, values, query_timeout: REPORT_READ_TIMEOUT_MS });
  let first: Record<string, unknown>[];
  try {
    await run("BEGIN READ ONLY");
    await run(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
    await run(`SET LOCAL statement_timeout = ${REPORT_STATEMENT_TIMEOUT_MS}`);
    await run(`SET LOCAL idle_in_transaction_session_timeout = ${REPORT_IDLE_IN_TRANSACTION_MS}`);
    await run(`DECLARE report_rows NO SCROLL CURSOR FOR ${text}`, params);
    first = (await run(`FETCH ${BATCH} FROM report_rows`)).rows;
  } catch (error) {
    await run("ROLLBACK").catch(() => {});
    client.release();
    throw error;
  }

  async function* rows() {
    let ok = false;
    try {
      let batch = first;
      while (batch.length > 0) {
        for (const row of batch) if (!options.keep || options.keep(row)) yield options.map ? options.map(row) : row;
        if (batch.length < BATCH) break;
        batch = (await run(`FETCH ${BATCH} FROM report_rows`)).rows;
      }
      ok = true;
    } finally {
      // Runs on completion, on error and when the client goes away mid-download.
      await run(ok ? "COMMIT" : "ROLLBACK").catch(() => {});
      client.release();
    }
  }

  const csv = csvStream(options.columns);
  // pipeline, not pipe: an error on either side (or the client leaving) tears down both, which ends the cursor.
  pipeline(Readable.from(rows()), csv, () => {});
  let headers: Record<string, string> = {};
  try {
    headers = (await options.headers?.(first[0] ?? null)) ?? {};
  } catch (error) {
    await run("ROLLBACK").catch(() => {});
    client.release();
    throw error;
  }
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return sendCsvFile(reply, csv, options.filename);
}
