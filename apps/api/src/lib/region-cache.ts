import type { FastifyReply } from "fastify";
import {
  ANY_REGION,
  type Db,
  listenForRegionChanges,
  type RegionChangeFeed,
  type RegionChangeHandlers,
} from "@bridgework/db";
import { LRUCache } from "lru-cache";

/**
 * Serialized answers of read-mostly region queries (catalog search, suggestions), kept until
 * the region changes. Every write to what they read notifies at commit (migration 0007); a
 * notification bumps the region's generation, and an entry only answers while its region's
 * generation and the feed's epoch are those read *before* it was computed — so a change
 * committed while a miss was being computed makes that answer stale on arrival, not cached.
 * Without a live LISTEN connection nothing is cached or served from cache.
 *
 * What is left: another process's write is seen here once its notification arrives
 * (milliseconds after commit), and `ttlMs` bounds how long a silently dead connection could
 * keep an answer.
 */
export interface RegionCache {
  /** The body cached for this key in the region, else `compute()`'s, kept for the next caller once the key has been asked for before. */
  get<B extends Body>(regionId: string, key: string, compute: () => Promise<B>): Promise<B>;
  /** This process changed the region (and committed): drop its answers now, not when the notification comes back. */
  changed(regionId: string): void;
  /** Resolves once every change committed before the call has been heard. */
  sync(): Promise<void>;
  /** True while every committed change is heard (LISTEN is live); else readers must not trust what they keep. */
  listening(): boolean;
  /** Also tell `handlers` of every change heard or made here (the in-memory catalog keeps itself fresh by them). */
  subscribe(handlers: RegionChangeHandlers): void;
  /** Running totals since the process started, for the metrics endpoint. */
  stats(): RegionCacheStats;
  close(): Promise<void>;
}

export interface RegionCacheStats {
  /** Answers served from the cache. */
  hits: number;
  /** Answers computed: not cached, stale after a change, older than the TTL, or nothing cached while not listening. */
  misses: number;
  /** Answers dropped to stay under `maxBytes`. */
  evictions: number;
  entries: number;
  bytes: number;
}

export interface RegionCacheOptions {
  /** Bytes of bodies kept (least recently used go first). */
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
}

type Pool = Parameters<typeof listenForRegionChanges>[0];

/** A serialized answer: JSON text, or its UTF-8 bytes (sent without encoding again). */
export type Body = string | Buffer;

interface Entry {
  generation: number;
  epoch: number;
  at: number;
  body: Body;
}

export function createRegionCache(db: Db, options: RegionCacheOptions = {}): RegionCache {
  const client = ((db as unknown as { $client?: unknown }).$client ?? {}) as Partial<Pool>;
  // Only a pool knows how to open a connection of its own for LISTEN.
  if (!client.options) {
    let misses = 0;
    const get = <B extends Body>(_r: string, _k: string, compute: () => Promise<B>) => {
      misses++;
      return compute();
    };
    const subscribers: RegionChangeHandlers[] = [];
    return {
      get,
      changed: (regionId) => {
        for (const s of subscribers) s.changed(regionId);
      },
      sync: async () => {},
      listening: () => false,
      subscribe: (handlers) => subscribers.push(handlers),
      stats: () => ({ hits: 0, misses, evictions: 0, entries: 0, bytes: 0 }),
      close: async () => {},
    };
  }
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const generations = new Map<string, number>();
  let epoch = 0;
  let hits = 0;
  let misses = 0;
  let evictions = 0;
  // Least recently used bodies go first once their lengths add up past maxBytes; a body longer than that is not kept.
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, entry.body.length),
    dispose: (_entry, _key, reason) => {
      if (reason === "evict") evictions++;
    },
  });

  // Keys asked for once lately. An answer is kept from its key's second ask: most questions
  // typed as people search are asked once ("s", "so", "sof"…), and keeping each of them
  // turned the whole cache over every second under load — bodies promoted to the old
  // generation only to be evicted, each full collection then marking every region's catalog.
  const askedOnce = new LRUCache<string, true>({ max: 20_000 });

  const subscribers: RegionChangeHandlers[] = [];
  const changed = (regionId: string) => {
    if (regionId === ANY_REGION) epoch++;
    else generations.set(regionId, (generations.get(regionId) ?? 0) + 1);
    for (const s of subscribers) s.changed(regionId);
  };
  const feed: RegionChangeFeed = listenForRegionChanges(client as Pool, {
    changed,
    reset() {
      epoch++;
      for (const s of subscribers) s.reset();
    },
  });

  return {
    async get<B extends Body>(regionId: string, key: string, compute: () => Promise<B>): Promise<B> {
      if (!feed.listening) {
        misses++;
        return compute();
      }
      const id = `${regionId}\u0000${key}`;
      const generation = generations.get(regionId) ?? 0;
      const seenEpoch = epoch;
      const hit = entries.get(id); // marks it most recently used
      if (hit) {
        if (hit.generation === generation && hit.epoch === seenEpoch && now() - hit.at < ttlMs) {
          hits++;
          return hit.body as B; // one key, one route: the same kind of body
        }
        entries.delete(id);
      }
      misses++;
      const at = now();
      const body = await compute();
      if (hit || askedOnce.delete(id)) entries.set(id, { generation, epoch: seenEpoch, at, body });
      else askedOnce.set(id, true);
      return body;
    },
    changed,
    sync: () => feed.sync(),
    listening: () => feed.listening,
    subscribe: (handlers) => subscribers.push(handlers),
    stats: () => ({ hits, misses, evictions, entries: entries.size, bytes: entries.calculatedSize }),
    close: () => feed.close(),
  };
}

/** Sends a body from the cache as it is: it was validated against the response schema and serialized when computed. */
export function sendJson(reply: FastifyReply, body: Body): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(body);
}

/** A cache key part for parsed query parameters, whatever order they came in. */
export function queryKey(query: object): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));
}

declare module "fastify" {
  interface FastifyInstance {
    regionCache: RegionCache;
  }
}
