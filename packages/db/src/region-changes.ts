import pg from "pg";

/** Channel the region-change triggers notify on (migration 0007); the payload is a region id. */
export const REGION_CHANGED_CHANNEL = "bw_region_changed";
/** Payload meaning "some region changed" (match feedback names no region): drop everything. */
export const ANY_REGION = "*";

export interface RegionChangeHandlers {
  /** A committed change touched what this region's searches and suggestions read. */
  changed(regionId: string): void;
  /** Changes may have gone unheard (connection lost, or just (re)established): forget everything. */
  reset(): void;
}

export interface RegionChangeFeed {
  /** True while LISTEN is live: only then is every committed change heard. */
  readonly listening: boolean;
  /**
   * Resolves once every change committed before the call has been heard: notifications arrive
   * in commit order, so hearing one sent now means all earlier ones came first. (Tests use it
   * after writing to the database directly, as another process would.)
   */
  sync(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const SYNC_PREFIX = "sync:";

/**
 * One LISTEN connection of its own (a pooled one would be handed to queries), with the pool's
 * settings. When it drops, `reset` fires at once and it reconnects with back-off; `listening`
 * stays false until LISTEN is live again, so callers know not to trust what they cached.
 */
export function listenForRegionChanges(
  pool: pg.Pool,
  handlers: RegionChangeHandlers,
  options: { retryMs?: number; maxRetryMs?: number } = {},
): RegionChangeFeed {
  const retryMs = options.retryMs ?? 500;
  // Capped low: while LISTEN is down every cached read is computed again, so after a PostgreSQL
  // restart of a minute the cache must not stay off for up to half a minute more (as a 30 s cap
  // did; region-cache-restart.test.ts). A refused connection attempt every 2 s costs nothing.
  const maxRetryMs = options.maxRetryMs ?? 2_000;
  let active: pg.Client | null = null;
  let closed = false;
  let delay = retryMs;
  let timer: NodeJS.Timeout | null = null;
  const syncs = new Map<string, () => void>();

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(maxRetryMs, delay * 2);
  };

  const lost = (client: pg.Client) => {
    if (client !== active) return;
    active = null;
    handlers.reset();
    client.end().catch(() => {});
    retry();
  };

  const connect = async () => {
    const client = new pg.Client({ ...pool.options, keepAlive: true });
    client.on("notification", (n) => {
      if (n.channel !== REGION_CHANGED_CHANNEL) return;
      const payload = n.payload || ANY_REGION;
      if (payload.startsWith(SYNC_PREFIX)) syncs.get(payload)?.();
      else handlers.changed(payload);
    });
    client.on("error", () => lost(client));
    client.on("end", () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REGION_CHANGED_CHANNEL}`);
    } catch {
      client.end().catch(() => {});
      retry();
      return;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    active = client;
    delay = retryMs;
    // Whatever changed before LISTEN went live was not heard.
    handlers.reset();
  };

  void connect();
  return {
    get listening() {
      return active !== null;
    },
    async sync(timeoutMs = 5000) {
      if (!active) return;
      const token = `${SYNC_PREFIX}${crypto.randomUUID()}`;
      let timeout: NodeJS.Timeout | undefined;
      const heard = new Promise<void>((resolve, reject) => {
        syncs.set(token, resolve);
        timeout = setTimeout(() => reject(new Error(`no notification heard within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await pool.query("SELECT pg_notify($1, $2)", [REGION_CHANGED_CHANNEL, token]);
        await heard;
      } finally {
        clearTimeout(timeout);
        syncs.delete(token);
      }
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = active;
      active = null;
      await client?.end().catch(() => {});
    },
  };
}
