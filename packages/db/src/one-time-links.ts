import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "./client.ts";
import { documents, oneTimeLinks } from "./schema/index.ts";
import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";

/**
 * One-time links for people without accounts (guardians, supervisors). Issued by API actions and
 * by reminder sweeps, so both use this module: only the token's SHA-256
 * is stored, so a reminder cannot re-send an old link, it must issue a new one.
 */
export type LinkPurpose = (typeof oneTimeLinks.$inferSelect)["purpose"];
type SignerRole = NonNullable<(typeof oneTimeLinks.$inferSelect)["signerRole"]>;

export const DAY_MS = 24 * 3600_000;
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  sign: 14 * DAY_MS,
  hours: 14 * DAY_MS,
  evaluation: 30 * DAY_MS,
};

/** 256-bit random token: it goes only into the email. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface IssuedLink {
  id: string;
  token: string;
  expiresAt: Date;
}

export interface LinkTarget {
  placementId: string;
  documentId?: string;
  /** Set (with no documentId) for a sign packet: one link for every document this signer signs on the placement. */
  signerRole?: SignerRole;
}

/** New links in one INSERT, returned in the order of `targets`. A database leak gives no usable links. */
export async function issueLinks(
  tx: DbOrTx,
  purpose: LinkPurpose,
  targets: LinkTarget[],
  now: Date,
): Promise<IssuedLink[]> {
  if (targets.length === 0) return [];
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
  const tokens = targets.map(() => newLinkToken());
  const rows = await tx
    .insert(oneTimeLinks)
    .values(
      targets.map((t, i) => ({
        purpose,
        tokenHash: hashLinkToken(tokens[i]!),
        placementId: t.placementId,
        documentId: t.documentId ?? null,
        signerRole: t.signerRole ?? null,
        expiresAt,
      })),
    )
    .returning({ id: oneTimeLinks.id, tokenHash: oneTimeLinks.tokenHash });
  const idByHash = new Map(rows.map((r) => [r.tokenHash, r.id]));
  return tokens.map((token) => ({ id: idByHash.get(hashLinkToken(token))!, token, expiresAt }));
}

export async function issueLink(
  tx: DbOrTx,
  link: LinkTarget & { purpose: LinkPurpose; now: Date },
): Promise<IssuedLink> {
  const [issued] = await issueLinks(tx, link.purpose, [link], link.now);
  return issued!;
}

/** A signer's sign links on a placement: their packet link and any single-document link of theirs. */
export interface SignerScope {
  placementId: string;
  signerRole: SignerRole;
}

export type RevokeScope =
  | { documentId: string }
  | { documentIds: string[] }
  | { signers: SignerScope[] }
  | { placementId: string; purpose?: LinkPurpose }
  | { placementIds: string[]; purpose: LinkPurpose };

const signerLinks = ({ placementId, signerRole }: SignerScope): SQL =>
  and(
    eq(oneTimeLinks.placementId, placementId),
    eq(oneTimeLinks.purpose, "sign"),
    or(
      eq(oneTimeLinks.signerRole, signerRole),
      sql`${oneTimeLinks.documentId} IN (SELECT ${documents.id} FROM ${documents} WHERE ${documents.placementId} = ${placementId} AND ${documents.signerRole} = ${signerRole})`,
    ),
  )!;

/** Revokes the open links of documents, of signers (packet and single links) or of placements (optionally one purpose); returns how many. */
export async function revokeOpenLinks(tx: DbOrTx, scope: RevokeScope, now: Date): Promise<number> {
  const target =
    "documentId" in scope
      ? eq(oneTimeLinks.documentId, scope.documentId)
      : "documentIds" in scope
        ? inArray(oneTimeLinks.documentId, scope.documentIds)
        : "signers" in scope
          ? or(...scope.signers.map(signerLinks))
          : and(
              "placementId" in scope
                ? eq(oneTimeLinks.placementId, scope.placementId)
                : inArray(oneTimeLinks.placementId, scope.placementIds),
              scope.purpose ? eq(oneTimeLinks.purpose, scope.purpose) : undefined,
            );
  const revoked = await tx
    .update(oneTimeLinks)
    .set({ revokedAt: now })
    .where(and(target, isNull(oneTimeLinks.usedAt), isNull(oneTimeLinks.revokedAt)))
    .returning({ id: oneTimeLinks.id });
  return revoked.length;
}
