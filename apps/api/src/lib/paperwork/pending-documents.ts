import { type DbOrTx, documents } from "@bridgework/db";
import { DOCUMENT_KINDS, type DocumentKind, type SignerRole } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";

export type DocumentRow = typeof documents.$inferSelect;

/**
 * The order a packet shows a signer's documents: the order of DOCUMENT_KINDS (consent before the
 * release it covers, the emergency contact last). The worker's reminders list them the same way.
 */
export const byPacketOrder = (a: { kind: DocumentKind }, b: { kind: DocumentKind }) =>
  DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind);

/** A signer's unsigned documents on a placement, in packet order: what a sign request or reminder lists. */
export async function pendingDocumentsOf(
  db: DbOrTx,
  placementId: string,
  signerRole: SignerRole,
): Promise<DocumentRow[]> {
  const rows = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.placementId, placementId),
        eq(documents.signerRole, signerRole),
        eq(documents.status, "pending"),
      ),
    );
  return rows.sort(byPacketOrder);
}
