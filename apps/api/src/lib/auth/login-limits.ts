import { type DbOrTx, loginAddresses, loginFailures, users } from "@bridgework/db";
import { RateLimited } from "@bridgework/domain";
import { and, eq, gt, sql } from "drizzle-orm";

interface Limit {
  failures: number;
  windowMs: number;
}

/** One account from one address: what a person mistyping meets, and what stops a guesser at that address. */
export const PAIR_LIMIT: Limit = { failures: 5, windowMs: 15 * 60_000 };
/** One account from every address it has not logged in from: distributed guessing (many addresses, one account). */
export const ACCOUNT_LIMIT: Limit = { failures: 100, windowMs: 60 * 60_000 };
/** One address across every account it has not logged in to: password spraying (one address, many accounts). */
export const ADDRESS_LIMIT: Limit = { failures: 50, windowMs: 15 * 60_000 };
/** How long an address an account logged in from stays known to it. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

/**
 * Failed logins are counted in PostgreSQL, so the limits hold across API replicas. Three limits,
 * so that nobody can lock a person out of their own account (which one per-account limit over
 * every address allowed: five wrong passwords from anywhere locked any teacher out):
 *
 * - per (account, address) pair, always: 5 failures in 15 minutes, then 429 for that pair only;
 * - per account across addresses (100 an hour) and per address across accounts (50 in 15
 *   minutes), which stop distributed guessing and spraying — but an address this account has
 *   logged in from in the last 90 days is not held to them, so its owner still gets in while
 *   someone hammers the account (or the school's shared address) from elsewhere.
 *
 * The attempt is written down *before* the password is checked and counted with the others:
 * attempts still in flight count too, so a burst of parallel guesses gets no more than the
 * limit checked (checking first and recording after would let every request of the burst
 * through). The attempt stays a failure unless `recordLoginSuccess` follows. Over a limit →
 * 429 with Retry-After = seconds until the oldest failure in that window ages out; a refused
 * attempt is not counted.
 */
export async function beginLoginAttempt(db: DbOrTx, email: string, ip: string, now: Date): Promise<void> {
  const [attempt] = await db.insert(loginFailures).values({ email, ip, at: now }).returning({ id: loginFailures.id });
  try {
    const counts = await countFailures(db, email, ip, now);
    refuseOver(counts.pair, PAIR_LIMIT, now);
    if (counts.account.n > ACCOUNT_LIMIT.failures || counts.address.n > ADDRESS_LIMIT.failures) {
      if (!(await isKnownAddress(db, email, ip, now))) {
        refuseOver(counts.account, ACCOUNT_LIMIT, now);
        refuseOver(counts.address, ADDRESS_LIMIT, now);
      }
    }
  } catch (error) {
    await db.delete(loginFailures).where(eq(loginFailures.id, attempt!.id));
    throw error;
  }
}

/**
 * The password was right: the address becomes (or stays) known to the account, and the pair's
 * failures, this attempt's included, are forgotten — a person who mistyped and then got it
 * right starts afresh.
 */
export async function recordLoginSuccess(
  db: DbOrTx,
  { userId, email, ip, now }: { userId: string; email: string; ip: string; now: Date },
) {
  await db.delete(loginFailures).where(and(eq(loginFailures.email, email), eq(loginFailures.ip, ip)));
  await db
    .insert(loginAddresses)
    .values({ userId, ip, lastSucceededAt: now })
    .onConflictDoUpdate({ target: [loginAddresses.userId, loginAddresses.ip], set: { lastSucceededAt: now } });
}

interface Window {
  n: number;
  oldest: Date | null;
}

/** The three windows' counts in one statement (`n` includes this attempt). */
async function countFailures(
  db: DbOrTx,
  email: string,
  ip: string,
  now: Date,
): Promise<Record<"pair" | "account" | "address", Window>> {
  const since = (limit: Limit) => new Date(now.getTime() - limit.windowMs);
  const pair = sql`${loginFailures.email} = ${email} AND ${loginFailures.ip} = ${ip} AND ${loginFailures.at} > ${since(PAIR_LIMIT)}`;
  const account = sql`${loginFailures.email} = ${email} AND ${loginFailures.at} > ${since(ACCOUNT_LIMIT)}`;
  const address = sql`${loginFailures.ip} = ${ip} AND ${loginFailures.at} > ${since(ADDRESS_LIMIT)}`;
  const window = (where: ReturnType<typeof sql>) => ({
    n: sql<number>`count(*) FILTER (WHERE ${where})`.mapWith(Number),
    oldest: sql<Date | null>`min(${loginFailures.at}) FILTER (WHERE ${where})`.mapWith(loginFailures.at),
  });
  const oldestWindow = Math.max(PAIR_LIMIT.windowMs, ACCOUNT_LIMIT.windowMs, ADDRESS_LIMIT.windowMs);
  const [row] = await db
    .select({ pair: window(pair), account: window(account), address: window(address) })
    .from(loginFailures)
    .where(
      and(
        sql`(${loginFailures.email} = ${email} OR ${loginFailures.ip} = ${ip})`,
        gt(loginFailures.at, new Date(now.getTime() - oldestWindow)),
      ),
    );
  return row!;
}

function refuseOver(window: Window, limit: Limit, now: Date) {
  if (window.n > limit.failures && window.oldest) {
    const retryMs = window.oldest.getTime() + limit.windowMs - now.getTime();
    throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
  }
}

async function isKnownAddress(db: DbOrTx, email: string, ip: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ ip: loginAddresses.ip })
    .from(loginAddresses)
    .innerJoin(users, eq(users.id, loginAddresses.userId))
    .where(
      and(
        eq(users.email, email),
        eq(loginAddresses.ip, ip),
        gt(loginAddresses.lastSucceededAt, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
      ),
    )
    .limit(1);
  return row !== undefined;
}
