import { type DbOrTx, hashLinkToken, type LinkPurpose, oneTimeLinks, type Tx } from "@bridgework/db";
import { LinkExpired } from "@bridgework/domain";
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";

// Issuing and revoking are shared with the worker's reminder sweeps, which issue fresh links.
export { DAY_MS, issueLink, LINK_TTL_MS, type LinkPurpose, revokeOpenLinks } from "@bridgework/db";
export type LinkRow = typeof oneTimeLinks.$inferSelect;

const usable = (now: Date): SQL =>
  and(isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt), gt(oneTimeLinks.expiresAt, now))!;

/** The link behind a token if it can still be used at `now`, without using it (mail scanners open links). 410 otherwise. */
export async function findUsableLink(db: DbOrTx, token: string, purpose: LinkPurpose, now: Date): Promise<LinkRow> {
  const [row] = await db
    .select()
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.tokenHash, hashLinkToken(token)), eq(oneTimeLinks.purpose, purpose), usable(now)));
  if (!row) throw new LinkExpired();
  return row;
}

/**
 * Uses the link up. The conditional UPDATE is the whole race guard: PostgreSQL lets one of any
 * number of concurrent claims match `used_at IS NULL`; the others re-check after it commits,
 * match nothing, and get 410.
 */
export async function claimLink(tx: Tx, linkId: string, now: Date): Promise<void> {
  const claimed = await tx
    .update(oneTimeLinks)
    .set({ usedAt: now })
    .where(and(eq(oneTimeLinks.id, linkId), usable(now)))
    .returning({ id: oneTimeLinks.id });
  if (claimed.length === 0) throw new LinkExpired();
}
