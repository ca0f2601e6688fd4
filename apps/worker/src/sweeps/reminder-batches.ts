import type { Db, Tx } from "@bridgework/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * Runs `step` in a transaction of its own until it reports nothing more to claim, so a large
 * backlog is written in bounded transactions (a crash loses at most one uncommitted batch, which
 * the next run claims again). Returns the emails written.
 */
export async function inBatches(
  db: Db,
  step: (tx: Tx) => Promise<{ more: boolean; written: number }>,
  maxBatches = 1000,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < maxBatches; i++) {
    const result = await db.transaction(step);
    written += result.written;
    if (!result.more) break;
  }
  return written;
}

export function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * Locks up to `limit` open placements (awaiting paperwork or ready) that have a document `d`
 * matching `documents`, placement first as every placement action locks, so a sweep never
 * deadlocks with signing, resending or withdrawing; SKIP LOCKED lets a second sweep take other
 * placements instead of waiting. Returns the ids it locked.
 */
export async function lockPlacementsWithDocuments(tx: Tx, documents: SQL, limit: number): Promise<string[]> {
  const locked = await tx.execute<{ id: string }>(sql`
    SELECT p.id FROM placements p
    WHERE p.status IN ('pending_paperwork', 'ready') AND p.id IN (SELECT d.placement_id FROM documents d WHERE ${documents} LIMIT ${limit * 4})
    LIMIT ${limit}
    FOR UPDATE OF p SKIP LOCKED`);
  return locked.rows.map((r) => r.id);
}
