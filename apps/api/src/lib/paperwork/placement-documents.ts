import { documents, type Tx } from "@bridgework/db";
import type { GuardianLanguage, RequiredDocument, SignerRole } from "@bridgework/domain";
import { addDays, dayOf } from "@bridgework/domain";
import type { Config } from "../../config.ts";
import { queueSignRequest } from "./sign-request-email.ts";
import { renderTemplate } from "./render-template.ts";
import { currentTemplate, ensureTemplates, type TemplateRow } from "./template-versions.ts";
import { type PlacementFacts, templateVars } from "./placement-facts.ts";

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

export const templateTitle = (
  template: TemplateRow,
  language: GuardianLanguage,
  facts: PlacementFacts,
  forSupervisor: boolean,
) =>
  renderTemplate(language === "es" ? template.titleEs : template.titleEn, templateVars(facts, language, forSupervisor));

/**
 * Creates a placement's documents from the region's current template versions, rendered in
 * the signer's language, and emails each signer one packet link that opens all of their
 * documents in order. The rendered text is stored now, so what a signer opens is exactly what
 * gets hashed when they sign, whatever happens to the templates meanwhile.
 */
export async function createPlacementDocuments(
  tx: Tx,
  deps: { config: Config; now: Date },
  facts: PlacementFacts,
  required: { doc: RequiredDocument; signer: Signer }[],
) {
  const p = facts.placement;
  await ensureTemplates(tx, p.regionId);
  const dueOn = dueOnFor(dayOf(deps.now), p.startDate);
  for (const { doc, signer } of required) {
    const template = await currentTemplate(tx, p.regionId, doc.kind);
    const forSupervisor = signer.role === "supervisor";
    const body = signer.language === "es" ? template.bodyEs : template.bodyEn;
    await tx.insert(documents).values({
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
    });
  }
  for (const role of new Set(required.map((r) => r.signer.role))) {
    await queueSignRequest(tx, deps, facts, role, () => `placement:${p.id}:sign:${role}`);
  }
}

/** Revokes a signer's open sign links and emails them a fresh packet link (the old links answer 410 from now on). */
export async function resendSignerPacket(
  tx: Tx,
  deps: { config: Config; now: Date },
  facts: PlacementFacts,
  signerRole: SignerRole,
): Promise<string | null> {
  return queueSignRequest(
    tx,
    deps,
    facts,
    signerRole,
    (linkId) => `placement:${facts.placement.id}:sign:${signerRole}:link:${linkId}`,
  );
}
