import { type DbOrTx, oneTimeLinks, type Tx } from "@bridgework/db";
import { LinkExpired } from "@bridgework/domain";
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import { hashToken, newToken } from "../../lib/tokens.ts";

export type LinkPurpose = (typeof oneTimeLinks.$inferSelect)["purpose"];
export type LinkRow = typeof oneTimeLinks.$inferSelect;

export const DAY_MS = 24 * 3600_000;
export const LINK_TTL_MS: Record<LinkPurpose, number> = { sign: 14 * DAY_MS, hours: 14 * DAY_MS, evaluation: 30 * DAY_MS };

/**
 * A new link for someone without an account. The 256-bit token goes only into the email;
 * the table keeps its SHA-256, so a database leak gives no usable links.
 */
export async function issueLink(tx: Tx, link: { purpose: LinkPurpose; placementId: string; documentId?: string; now: Date }): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(link.now.getTime() + LINK_TTL_MS[link.purpose]);
  const [row] = await tx
    .insert(oneTimeLinks)
    .values({ purpose: link.purpose, tokenHash: hashToken(token), placementId: link.placementId, documentId: link.documentId ?? null, expiresAt })
    .returning({ id: oneTimeLinks.id });
  return { id: row!.id, token, expiresAt };
}

const usable = (now: Date): SQL => and(isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt), gt(oneTimeLinks.expiresAt, now))!;

/** The link behind a token if it can still be used at `now`, without using it (mail scanners open links). 410 otherwise. */
export async function findUsableLink(db: DbOrTx, token: string, purpose: LinkPurpose, now: Date): Promise<LinkRow> {
  const [row] = await db
    .select()
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.tokenHash, hashToken(token)), eq(oneTimeLinks.purpose, purpose), usable(now)));
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

/** Revokes the open links of a document, or of a whole placement (optionally one purpose). */
export async function revokeOpenLinks(tx: Tx, scope: { documentId: string } | { placementId: string; purpose?: LinkPurpose }, now: Date): Promise<number> {
  const target =
    "documentId" in scope
      ? eq(oneTimeLinks.documentId, scope.documentId)
      : and(eq(oneTimeLinks.placementId, scope.placementId), scope.purpose ? eq(oneTimeLinks.purpose, scope.purpose) : undefined);
  const revoked = await tx
    .update(oneTimeLinks)
    .set({ revokedAt: now })
    .where(and(target, isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt)))
    .returning({ id: oneTimeLinks.id });
  return revoked.length;
}
