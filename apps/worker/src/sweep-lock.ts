import type { Db } from "@bridgework/db";

/** The part of a pooled pg client used here (the worker does not depend on pg itself). */
interface LockClient {
  query<R>(text: string, values: unknown[]): Promise<{ rows: R[] }>;
  release(error?: Error): void;
}

/** The advisory lock a scheduled sweep run holds (advisory locks are per database). */
export const SWEEP_LOCK = "bridgework:sweeps";

/**
 * Runs `fn` unless another process holds the sweep lock, in which case it returns null at once.
 *
 * Why: the BullMQ scheduler adds the next run when one starts, so with several workers a run
 * that outlasts SWEEP_INTERVAL_SECONDS (10,000 reminders to render) overlaps the next one on
 * another worker. Both read the same due rows and render the same emails; the dedupe keys keep
 * one of each, but the work is done twice, and every further worker adds another copy. The lock
 * is a PostgreSQL session lock on a connection held for the run: a worker that dies (SIGKILL)
 * loses its connection and so its lock, and the next run goes ahead.
 */
export async function unlessSweeping<T>(db: Db, fn: () => Promise<T>): Promise<T | null> {
  const pool = (db as unknown as { $client?: { connect?: () => Promise<LockClient> } }).$client;
  // A client without a pool (none in this code base today) cannot hold a session lock: run.
  if (!pool?.connect) return fn();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [
      SWEEP_LOCK,
    ]);
    if (!rows[0]!.locked) return null;
    try {
      return await fn();
    } finally {
      await client
        .query("SELECT pg_advisory_unlock(hashtext($1))", [SWEEP_LOCK])
        .catch((error: Error) => (broken = error));
    }
  } finally {
    // A connection whose unlock failed is discarded, which ends its session and so its lock.
    client.release(broken);
  }
}
