import type { Db, Tx } from "@bridgework/db";

/**
 * Runs `step` in a transaction of its own until it reports nothing more to claim, so a large
 * backlog is written in bounded transactions (a crash loses at most one uncommitted batch, which
 * the next run claims again). Returns the emails written.
 */
export async function inBatches(db: Db, step: (tx: Tx) => Promise<{ more: boolean; written: number }>, maxBatches = 1000): Promise<number> {
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
