import { type DbOrTx, documents, documentTemplates } from "@bridgework/db";
import { LinkExpired } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { limitedName, loadPlacementFacts, type PlacementFacts } from "../placements/placement-facts.ts";
import { templateTitle } from "../placements/placement-documents.ts";
import { formatDate } from "../templates/render-template.ts";
import type { LinkRow } from "./one-time-links.ts";

export type DocumentRow = typeof documents.$inferSelect;

export interface DocumentForSigner {
  doc: DocumentRow;
  facts: PlacementFacts;
  title: string;
  templateVersion: number;
}

/** The document a sign link points at, with its template and placement; a link whose document is gone is as dead as a used one. */
export async function loadDocumentForLink(db: DbOrTx, link: LinkRow): Promise<DocumentForSigner> {
  const [row] = await db
    .select({ doc: documents, template: documentTemplates })
    .from(documents)
    .innerJoin(documentTemplates, eq(documentTemplates.id, documents.templateId))
    .where(eq(documents.id, link.documentId!));
  const facts = row ? await loadPlacementFacts(db, row.doc.placementId) : null;
  if (!row || !facts || row.doc.status !== "pending" || row.doc.renderedText === null) throw new LinkExpired();
  return { doc: row.doc, facts, title: templateTitle(row.template, row.doc.language, facts, row.doc.signerRole === "supervisor"), templateVersion: row.template.version };
}

/** One line naming the placement, in the document's language; a supervisor's copy names the student by first name and initial. */
export function placementLine({ doc, facts }: DocumentForSigner): string {
  const p = facts.placement;
  const student = doc.signerRole === "supervisor" ? limitedName(facts) : `${facts.student.firstName} ${facts.student.lastName}`;
  return doc.language === "es"
    ? `${student} - "${facts.opportunityTitle}" con ${facts.employerName}, del ${formatDate(p.startDate, "es")} al ${formatDate(p.endDate, "es")}`
    : `${student} - "${facts.opportunityTitle}" with ${facts.employerName}, ${formatDate(p.startDate, "en")} to ${formatDate(p.endDate, "en")}`;
}

export const SIGNER_LABELS = {
  en: { guardian: "Parent or guardian", student: "Student", supervisor: "Worksite supervisor" },
  es: { guardian: "Padre, madre o tutor", student: "Estudiante", supervisor: "Supervisor del lugar de trabajo" },
} as const;
