import { RateLimited } from "@bridgework/domain";

/** A volunteer's link is used from one phone: a few saves a minute. This is far above that and stops a script. */
export const VOLUNTEER_LINK_LIMIT = { requests: 120, windowMs: 60_000 };

/**
 * Requests per link in a fixed window, in this process's memory (a restart forgets: the limit only
 * has to be mild). Keys are token hashes, never the token.
 */
export function createLinkRateLimit(limit = VOLUNTEER_LINK_LIMIT) {
  const windows = new Map<string, { start: number; count: number }>();
  return function take(key: string, now: Date): void {
    const t = now.getTime();
    const w = windows.get(key);
    if (!w || t - w.start >= limit.windowMs) {
      if (windows.size > 10_000) windows.clear();
      windows.set(key, { start: t, count: 1 });
      return;
    }
    w.count++;
    if (w.count > limit.requests) throw new RateLimited(Math.max(1, Math.ceil((w.start + limit.windowMs - t) / 1000)));
  };
}
