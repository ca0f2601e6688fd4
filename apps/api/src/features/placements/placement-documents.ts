import { documents, documentTemplates, type Tx } from "@bridgework/db";
import type { GuardianLanguage, RequiredDocument, SignerRole } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { Config } from "../../config.ts";
import { issueLink, revokeOpenLinks } from "../signing/one-time-links.ts";
import { queueSignRequestEmail, type SignRequest } from "../signing/sign-request-email.ts";
import { renderTemplate } from "../templates/render-template.ts";
import { currentTemplate, ensureTemplates, type TemplateRow } from "../templates/template.queries.ts";
import { addDays, dayOf, type PlacementFacts, templateVars } from "./placement-facts.ts";

export type DocumentRow = typeof documents.$inferSelect;

export interface Signer {
  role: SignerRole;
  name: string;
  email: string;
  language: GuardianLanguage;
}

/** Paperwork is due in 14 days, or the day before the placement starts when that is sooner (never before today). */
export function dueOnFor(today: string, startDate: string): string {
  const dayBefore = addDays(startDate, -1);
  const inTwoWeeks = addDays(today, 14);
  const due = dayBefore < inTwoWeeks ? dayBefore : inTwoWeeks;
  return due < today ? today : due;
}

export const templateTitle = (template: TemplateRow, language: GuardianLanguage, facts: PlacementFacts, forSupervisor: boolean) =>
  renderTemplate(language === "es" ? template.titleEs : template.titleEn, templateVars(facts, language, forSupervisor));

const signLink = (config: Config, token: string) => `${config.publicUrl}/sign/${token}`;

/**
 * Creates a placement's documents from the region's current template versions, rendered in
 * the signer's language (supervisors in English), one sign link each, and one email per signer
 * listing their links. The rendered text is stored now, so what a signer opens is exactly what
 * gets hashed when they sign, whatever happens to the templates meanwhile.
 */
export async function createPlacementDocuments(tx: Tx, deps: { config: Config; now: Date }, facts: PlacementFacts, required: { doc: RequiredDocument; signer: Signer }[]) {
  const p = facts.placement;
  await ensureTemplates(tx, p.regionId);
  const dueOn = dueOnFor(dayOf(deps.now), p.startDate);
  const requests = new Map<SignerRole, SignRequest>();
  for (const { doc, signer } of required) {
    const template = await currentTemplate(tx, p.regionId, doc.kind);
    const forSupervisor = signer.role === "supervisor";
    const body = signer.language === "es" ? template.bodyEs : template.bodyEn;
    const [row] = await tx
      .insert(documents)
      .values({
        regionId: p.regionId,
        placementId: p.id,
        templateId: template.id,
        kind: doc.kind,
        signerRole: signer.role,
        signerName: signer.name,
        signerEmail: signer.email,
        language: signer.language,
        dueOn,
        renderedText: renderTemplate(body, templateVars(facts, signer.language, forSupervisor)),
      })
      .returning({ id: documents.id });
    const link = await issueLink(tx, { purpose: "sign", placementId: p.id, documentId: row!.id, now: deps.now });
    const request = requests.get(signer.role) ?? {
      dedupeKey: `placement:${p.id}:sign:${signer.role}`,
      to: signer.email,
      name: signer.name,
      role: signer.role,
      language: signer.language,
      expiresOn: dayOf(link.expiresAt),
      documents: [],
    };
    request.documents.push({ title: templateTitle(template, signer.language, facts, forSupervisor), link: signLink(deps.config, link.token) });
    requests.set(signer.role, request);
  }
  for (const request of requests.values()) await queueSignRequestEmail(tx, facts, request);
}

/** Revokes a document's open links and emails its signer a fresh one (the old link answers 410 from now on). */
export async function reissueSignLink(tx: Tx, deps: { config: Config; now: Date }, facts: PlacementFacts, doc: DocumentRow): Promise<void> {
  await revokeOpenLinks(tx, { documentId: doc.id }, deps.now);
  const link = await issueLink(tx, { purpose: "sign", placementId: doc.placementId, documentId: doc.id, now: deps.now });
  const [template] = await tx.select().from(documentTemplates).where(eq(documentTemplates.id, doc.templateId));
  await queueSignRequestEmail(tx, facts, {
    dedupeKey: `document:${doc.id}:link:${link.id}`,
    to: doc.signerEmail,
    name: doc.signerName,
    role: doc.signerRole,
    language: doc.language,
    expiresOn: dayOf(link.expiresAt),
    documents: [{ title: templateTitle(template!, doc.language, facts, doc.signerRole === "supervisor"), link: signLink(deps.config, link.token) }],
  });
}
