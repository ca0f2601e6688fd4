import { type DbOrTx, loginFailures } from "@bridgework/db";
import { RateLimited } from "@bridgework/domain";
import { and, count, eq, gt, min } from "drizzle-orm";

export const ACCOUNT_LIMIT = { failures: 5, windowMs: 15 * 60_000 };
export const IP_LIMIT = { failures: 30, windowMs: 60_000 };

/**
 * Failed logins are counted in PostgreSQL, so the limit holds across API replicas.
 * Throws 429 with Retry-After = seconds until the oldest failure in the window ages out.
 */
export async function assertLoginAllowed(db: DbOrTx, email: string, ip: string, now: Date) {
  for (const [column, value, limit] of [
    [loginFailures.email, email, ACCOUNT_LIMIT],
    [loginFailures.ip, ip, IP_LIMIT],
  ] as const) {
    const since = new Date(now.getTime() - limit.windowMs);
    const [row] = await db
      .select({ n: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(eq(column, value), gt(loginFailures.at, since)));
    if (row && row.n >= limit.failures && row.oldest) {
      const retryMs = row.oldest.getTime() + limit.windowMs - now.getTime();
      throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
    }
  }
}

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string, now: Date) {
  await db.insert(loginFailures).values({ email, ip, at: now });
}
