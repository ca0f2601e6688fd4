import { ANY_REGION } from "@bridgework/db";
import type { RegionCache } from "../region-cache.ts";

/**
 * A value computed for a whole region and kept until the region changes: every committed
 * change is heard (the region cache's LISTEN, or this process's own write, marked before its
 * answer is sent), and the next caller computes it again, one computation at a time. While
 * LISTEN is down nothing is kept. `key` (e.g. the month) is part of what the value is for.
 */
export interface RegionMemo<T> {
  get(regionId: string, key: string): Promise<T>;
}

export function createRegionMemo<T>(
  feed: Pick<RegionCache, "listening" | "subscribe">,
  compute: (regionId: string, key: string) => Promise<T>,
): RegionMemo<T> {
  const kept = new Map<string, { key: string; generation: number; value: Promise<T> }>();
  const generations = new Map<string, number>();
  let epoch = 0;
  const generation = (regionId: string) => epoch + (generations.get(regionId) ?? 0);
  feed.subscribe({
    changed(regionId) {
      if (regionId === ANY_REGION) epoch++;
      else generations.set(regionId, (generations.get(regionId) ?? 0) + 1);
    },
    reset() {
      epoch++;
    },
  });
  return {
    get(regionId, key) {
      if (!feed.listening()) return compute(regionId, key);
      const seen = generation(regionId);
      const entry = kept.get(regionId);
      if (entry && entry.key === key && entry.generation === seen) return entry.value;
      // Kept under the generation read before computing: a change heard meanwhile makes it stale on arrival.
      const value = compute(regionId, key);
      kept.set(regionId, { key, generation: seen, value });
      value.catch(() => {
        if (kept.get(regionId)?.value === value) kept.delete(regionId);
      });
      return value;
    },
  };
}
