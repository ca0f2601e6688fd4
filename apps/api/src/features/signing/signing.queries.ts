import { type DbOrTx, documents, documentTemplates } from "@bridgework/db";
import { type DocumentKind, LinkExpired } from "@bridgework/domain";
import { and, eq, ne, type SQL } from "drizzle-orm";
import { limitedName, loadPlacementFacts, type PlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { templateTitle } from "../../lib/paperwork/placement-documents.ts";
import { formatDate } from "../../lib/paperwork/render-template.ts";
import type { LinkRow } from "../../lib/one-time-links.ts";
import { byPacketOrder, type DocumentRow } from "../../lib/paperwork/pending-documents.ts";

export type { DocumentRow };

export interface DocumentForSigner {
  doc: DocumentRow;
  facts: PlacementFacts;
  title: string;
  templateVersion: number;
}

/** What a link opens: the document to sign now, and every document of the link in order (one for a single-document link). */
export interface LinkPacket {
  current: DocumentForSigner;
  documents: { id: string; kind: DocumentKind; title: string; status: DocumentRow["status"] }[];
  isPacket: boolean;
}

async function documentsWithTemplates(db: DbOrTx, where: SQL) {
  const rows = await db
    .select({ doc: documents, template: documentTemplates })
    .from(documents)
    .innerJoin(documentTemplates, eq(documentTemplates.id, documents.templateId))
    .where(where);
  return rows.sort((a, b) => byPacketOrder(a.doc, b.doc));
}

/**
 * The documents behind a sign link. A packet link (signer role set, no document) covers every
 * document of that signer on the placement that is not void, in packet order; the current one is
 * `documentId` when given, else the first unsigned. A link with nothing left to sign, or whose
 * document is gone, is as dead as a used one (410).
 */
export async function loadLinkPacket(db: DbOrTx, link: LinkRow, documentId?: string): Promise<LinkPacket> {
  const placementId = link.placementId;
  if (!placementId) throw new LinkExpired();
  const rows = link.signerRole
    ? await documentsWithTemplates(
        db,
        and(
          eq(documents.placementId, placementId),
          eq(documents.signerRole, link.signerRole),
          ne(documents.status, "void"),
        )!,
      )
    : await documentsWithTemplates(db, eq(documents.id, link.documentId!));
  const facts = rows.length > 0 ? await loadPlacementFacts(db, placementId) : null;
  const current = documentId ? rows.find((r) => r.doc.id === documentId) : rows.find((r) => r.doc.status === "pending");
  if (!facts || !current || current.doc.renderedText === null || (!link.signerRole && current.doc.status !== "pending"))
    throw new LinkExpired();
  const titled = (r: (typeof rows)[number]) =>
    templateTitle(r.template, r.doc.language, facts, r.doc.signerRole === "supervisor");
  return {
    current: { doc: current.doc, facts, title: titled(current), templateVersion: current.template.version },
    documents: rows.map((r) => ({ id: r.doc.id, kind: r.doc.kind, title: titled(r), status: r.doc.status })),
    isPacket: link.signerRole !== null,
  };
}

/** How far a signer is: "2 of 3" is the current document's place and the packet's size. */
export function packetProgress(packet: LinkPacket) {
  return {
    position: packet.documents.findIndex((d) => d.id === packet.current.doc.id) + 1,
    total: packet.documents.length,
    signed: packet.documents.filter((d) => d.status === "signed").length,
  };
}

/** One line naming the placement, in the document's language; a supervisor's copy names the student by first name and initial. */
export function placementLine({ doc, facts }: DocumentForSigner): string {
  const p = facts.placement;
  const student =
    doc.signerRole === "supervisor" ? limitedName(facts) : `${facts.student.firstName} ${facts.student.lastName}`;
  return doc.language === "es"
    ? `${student} - "${facts.opportunityTitle}" con ${facts.employerName}, del ${formatDate(p.startDate, "es")} al ${formatDate(p.endDate, "es")}`
    : `${student} - "${facts.opportunityTitle}" with ${facts.employerName}, ${formatDate(p.startDate, "en")} to ${formatDate(p.endDate, "en")}`;
}

export const SIGNER_LABELS = {
  en: { guardian: "Parent or guardian", student: "Student", supervisor: "Worksite supervisor" },
  es: { guardian: "Padre, madre o tutor", student: "Estudiante", supervisor: "Supervisor del lugar de trabajo" },
} as const;
