import type { Tx } from "@bridgework/db";
import type { GuardianLanguage, SignerRole } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, signRequestMessage } from "@bridgework/notifications";
import type { Config } from "../../config.ts";
import { regionTimeZone } from "../region-time-zone.ts";
import { type PlacementFacts } from "./placement-facts.ts";
import { issueLink, revokeOpenLinks } from "../one-time-links.ts";
import { pendingDocumentsOf } from "./pending-documents.ts";

/** Guardians and adult students read the family's language; a supervisor the one chosen on the placement. */
export const signerLanguage = (facts: PlacementFacts, role: SignerRole): GuardianLanguage =>
  role === "supervisor" ? facts.placement.supervisorLanguage : facts.student.guardianLanguage;

/**
 * Emails one signer a fresh packet link for all of their unsigned documents on a placement:
 * their earlier sign links (packet or single-document) are revoked first, so exactly one link
 * of theirs works. Nothing is sent when nothing is left to sign. Returns the new link's id.
 */
export async function queueSignRequest(
  tx: Tx,
  deps: { config: Config; now: Date },
  facts: PlacementFacts,
  signerRole: SignerRole,
  dedupeKey: (linkId: string) => string,
): Promise<string | null> {
  const p = facts.placement;
  const pending = await pendingDocumentsOf(tx, p.id, signerRole);
  const first = pending[0];
  if (!first) return null;
  await revokeOpenLinks(tx, { signers: [{ placementId: p.id, signerRole }] }, deps.now);
  const link = await issueLink(tx, { purpose: "sign", placementId: p.id, signerRole, now: deps.now });
  const message = await signRequestMessage({
    recipient: { name: first.signerName, email: first.signerEmail, language: signerLanguage(facts, signerRole) },
    timeZone: await regionTimeZone(tx, p.regionId),
    variant: "request",
    signerRole,
    student: facts.student,
    district: facts.districtName,
    opportunityTitle: facts.opportunityTitle,
    employer: facts.employerName,
    startDate: p.startDate,
    endDate: p.endDate,
    documents: pending.map((d) => d.kind),
    dueOn: pending.reduce((soonest, d) => (d.dueOn < soonest ? d.dueOn : soonest), first.dueOn),
    link: createLinks(deps.config.publicUrl).sign(link.token),
    expiresAt: link.expiresAt,
  });
  await queueEmail(tx, { dedupeKey: dedupeKey(link.id), regionId: p.regionId, to: first.signerEmail, ...message });
  return link.id;
}
