import { type DbOrTx, loginFailures } from "@bridgework/db";
import { RateLimited } from "@bridgework/domain";
import { and, count, eq, gt, min } from "drizzle-orm";

export const ACCOUNT_LIMIT = { failures: 5, windowMs: 15 * 60_000 };
export const IP_LIMIT = { failures: 30, windowMs: 60_000 };

/**
 * Failed logins are counted in PostgreSQL, so the limit holds across API replicas.
 *
 * The attempt is written down *before* the password is checked and counted with the others:
 * attempts still in flight count too, so a burst of parallel guesses gets no more than the
 * limit checked (checking first and recording after would let every request of the burst
 * through). Returns the attempt's id: the caller keeps it as a failure, or releases it when
 * the password was right. Over the limit → 429 with Retry-After = seconds until the oldest
 * failure in the window ages out; a refused attempt is not counted.
 */
export async function beginLoginAttempt(db: DbOrTx, email: string, ip: string, now: Date): Promise<string> {
  const [attempt] = await db.insert(loginFailures).values({ email, ip, at: now }).returning({ id: loginFailures.id });
  try {
    for (const [column, value, limit] of [
      [loginFailures.email, email, ACCOUNT_LIMIT],
      [loginFailures.ip, ip, IP_LIMIT],
    ] as const) {
      const since = new Date(now.getTime() - limit.windowMs);
      const [row] = await db
        .select({ n: count(), oldest: min(loginFailures.at) })
        .from(loginFailures)
        .where(and(eq(column, value), gt(loginFailures.at, since)));
      // `n` includes this attempt.
      if (row && row.n > limit.failures && row.oldest) {
        const retryMs = row.oldest.getTime() + limit.windowMs - now.getTime();
        throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
      }
    }
  } catch (error) {
    await releaseLoginAttempt(db, attempt!.id);
    throw error;
  }
  return attempt!.id;
}

/** The password was right (or the attempt was refused): it is not a failure. */
export async function releaseLoginAttempt(db: DbOrTx, attemptId: string) {
  await db.delete(loginFailures).where(eq(loginFailures.id, attemptId));
}
