import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; query functions take `Db | Tx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// timestamptz → Date is pg's default; dates (YYYY-MM-DD) stay strings so no timezone shifts them.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * How long a connection may wait for the database. Without them a database that stops answering
 * (network partition, packets dropped) holds every request and the pool forever. 0 = no limit.
 */
export interface DatabaseTimeouts {
  /** Opening a connection (TCP + authentication); also bounds a request's wait for a pooled one. */
  connectMs: number;
  /** One statement, enforced by PostgreSQL (`statement_timeout`); a report may raise it with SET LOCAL. */
  statementMs: number;
  /** A transaction left open doing nothing (`idle_in_transaction_session_timeout`): its locks are freed. */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};
/** For migrations and bulk loads (benchmark setup), which may run one statement for minutes. */
export const NO_TIMEOUTS: DatabaseTimeouts = { connectMs: 0, statementMs: 0, idleInTransactionMs: 0 };
/**
 * PostgreSQL enforces statement_timeout only while it is answering; a server that went silent
 * mid-query is noticed by this client-side margin on top of it.
 */
const SILENT_SERVER_MARGIN_MS = 5_000;

/** DB_CONNECT_TIMEOUT_SECONDS, DB_STATEMENT_TIMEOUT_SECONDS, DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS (0 = no limit). */
export function databaseTimeoutsFrom(env: NodeJS.ProcessEnv): DatabaseTimeouts {
  const seconds = (raw: string | undefined, fallbackMs: number) => {
    const value = raw === undefined || raw === "" ? NaN : Number(raw);
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : fallbackMs;
  };
  return {
    connectMs: seconds(env.DB_CONNECT_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.connectMs),
    statementMs: seconds(env.DB_STATEMENT_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.statementMs),
    idleInTransactionMs: seconds(env.DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS, DEFAULT_TIMEOUTS.idleInTransactionMs),
  };
}

export function createDatabase(
  url: string,
  options: { max?: number; timeouts?: Partial<DatabaseTimeouts> } = {},
): Database {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // JIT compilation costs 200–600 ms on the short, selective queries this app runs (measured on
    // suggestions at 100k opportunities) and never pays back, so sessions start with it off.
    options: "-c jit=off",
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    ...(timeouts.statementMs > 0 ? { query_timeout: timeouts.statementMs + SILENT_SERVER_MARGIN_MS } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  // Nor may a checked-out one: a transaction's connection ended by the server (its idle timeout,
  // a restart, a dropped network) emits "error" between statements, with no query to reject.
  // The next statement on it fails (answered 503) and the pool discards it on release.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}

export function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
