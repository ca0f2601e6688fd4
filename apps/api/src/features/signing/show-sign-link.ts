import type { Ctx } from "../../lib/context.ts";
import { findUsableLink } from "../../lib/one-time-links.ts";
import { loadLinkPacket, packetProgress, placementLine, SIGNER_LABELS } from "./signing.queries.ts";

/**
 * What a signer sees: the document to sign now, where it stands in their packet ("2 of 3") and
 * the titles of all of them. Opening the link never uses it: mail scanners and previews open links too.
 */
export async function showSignLink(ctx: Omit<Ctx, "actor">, token: string) {
  const link = await findUsableLink(ctx.db, token, "sign", ctx.clock.now());
  const packet = await loadLinkPacket(ctx.db, link);
  const d = packet.current;
  return {
    documentId: d.doc.id,
    kind: d.doc.kind,
    title: d.title,
    text: d.doc.renderedText!,
    language: d.doc.language,
    templateVersion: d.templateVersion,
    status: d.doc.status,
    dueOn: d.doc.dueOn,
    signer: {
      name: d.doc.signerName,
      role: d.doc.signerRole,
      roleLabel: SIGNER_LABELS[d.doc.language][d.doc.signerRole],
    },
    placement: {
      summary: placementLine(d),
      opportunityTitle: d.facts.opportunityTitle,
      employerName: d.facts.employerName,
      startDate: d.facts.placement.startDate,
      endDate: d.facts.placement.endDate,
      supervisorName: d.facts.placement.supervisorName,
    },
    packet: {
      ...packetProgress(packet),
      documents: packet.documents.map(({ id, title, status }) => ({ id, title, status })),
    },
    expiresAt: link.expiresAt.toISOString(),
  };
}
