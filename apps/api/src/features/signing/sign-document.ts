import { auditLog, documents, placements, type Tx, users } from "@bridgework/db";
import {
  Conflict,
  LinkExpired,
  nextState,
  PLACEMENT_MACHINE,
  say,
  type SignInput,
  ValidationFailed,
} from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, paperworkCompleteMessage } from "@bridgework/notifications";
import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../lib/context.ts";
import { loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { claimLink, findUsableLink } from "../../lib/one-time-links.ts";
import { renderSignedPdf } from "./signed-pdf.ts";
import { loadLinkPacket, placementLine, SIGNER_LABELS } from "./signing.queries.ts";
import { pendingDocumentsOf } from "../../lib/paperwork/pending-documents.ts";

/** The typed signature, and for a packet link the document it signs. */
export type SignRequestBody = SignInput & { documentId?: string | undefined };

/** Tells the district's coordinators, each in their language, the paperwork is complete and the placement can be activated. */
async function notifyReady(tx: Tx, config: Config, placementId: string) {
  const facts = (await loadPlacementFacts(tx, placementId))!;
  const p = facts.placement;
  const coordinators = await tx
    .select({ id: users.id, name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.organizationId, p.districtId), eq(users.role, "coordinator"), ne(users.status, "disabled")));
  const timeZone = await regionTimeZone(tx, p.regionId);
  const placementUrl = createLinks(config.publicUrl).placement(p.id);
  for (const c of coordinators) {
    const message = await paperworkCompleteMessage({
      recipient: c,
      timeZone,
      student: `${facts.student.firstName} ${facts.student.lastName}`,
      title: facts.opportunityTitle,
      employer: facts.employerName,
      placementUrl,
    });
    await queueEmail(tx, {
      dedupeKey: `placement:${p.id}:ready:${c.id}`,
      regionId: p.regionId,
      to: c.email,
      ...message,
    });
  }
}

/**
 * Signs one document behind a link. A single-document link is used up by its signature; a packet
 * link (one per signer and placement) stays usable until the signer's last document is signed,
 * and must name the document the signer read (`documentId`), so two tabs on the same packet
 * cannot sign a document nobody saw. Of any number of concurrent posts for one document exactly
 * one wins: the others get 410 (single link or packet used up) or 409 (already signed, the
 * packet still open). Records the typed name, time, IP, user agent and SHA-256 of the exact text
 * shown, and stores a PDF copy. When it was the placement's last unsigned document, the placement
 * becomes ready in the same transaction. Side effects: an audit row and, on ready, an email to
 * the district's coordinators.
 */
export async function signDocument(
  ctx: Omit<Ctx, "actor">,
  token: string,
  input: SignRequestBody,
  client: { ip: string; userAgent: string },
) {
  const now = ctx.clock.now();
  const link = await findUsableLink(ctx.db, token, "sign", now);
  if (link.signerRole && !input.documentId)
    throw new ValidationFailed([{ path: "documentId", text: say("packet-document-required") }]);
  const packet = await loadLinkPacket(ctx.db, link, input.documentId);
  const d = packet.current;
  if (d.doc.status !== "pending") throw alreadySigned(packet.isPacket);
  const text = d.doc.renderedText!;
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  const pdf = await renderSignedPdf({
    title: d.title,
    text,
    language: d.doc.language,
    placementLine: placementLine(d),
    timeZone: await regionTimeZone(ctx.db, d.doc.regionId),
    signature: {
      typedName: input.typedName,
      signerRole: SIGNER_LABELS[d.doc.language][d.doc.signerRole],
      signedAt: now,
      ip: client.ip,
      userAgent: client.userAgent,
      sha256,
      template: `${d.doc.kind} v${d.templateVersion} (${d.doc.language})`,
    },
  });
  const outcome = await ctx.db.transaction(async (tx) => {
    // The placement row is locked first, as every placement action does (withdraw, resend),
    // so a signature racing a withdrawal waits instead of deadlocking on the link and document rows.
    // It also makes two last signatures at once count each other, and a resend that revoked
    // this packet meanwhile is seen by the re-check below.
    const [p] = await tx.select().from(placements).where(eq(placements.id, d.doc.placementId)).for("update");
    if (!packet.isPacket) await claimLink(tx, link.id, now);
    else await findUsableLink(tx, token, "sign", now);
    const signed = await tx
      .update(documents)
      .set({
        status: "signed",
        typedName: input.typedName,
        signedAt: now,
        signedIp: client.ip,
        signedUserAgent: client.userAgent.slice(0, 500),
        textSha256: sha256,
        pdf,
      })
      .where(and(eq(documents.id, d.doc.id), eq(documents.status, "pending")))
      .returning({ id: documents.id });
    if (signed.length === 0) throw alreadySigned(packet.isPacket);
    await tx.insert(auditLog).values({
      regionId: d.doc.regionId,
      actorUserId: null,
      action: "sign",
      entity: "document",
      entityId: d.doc.id,
      details: { signerRole: d.doc.signerRole, via: packet.isPacket ? "packet_link" : "one_time_link" },
    });
    const remaining = packet.isPacket ? (await pendingDocumentsOf(tx, p!.id, d.doc.signerRole)).length : 0;
    // The packet is used up with the signer's last document, not before: until then it opens the next one.
    if (packet.isPacket && remaining === 0) await claimLink(tx, link.id, now);
    const unsigned = await tx.$count(documents, and(eq(documents.placementId, p!.id), ne(documents.status, "signed")));
    const to = unsigned === 0 ? nextState(PLACEMENT_MACHINE, p!.status, "ready") : null;
    if (to === null) return { remaining, ready: false };
    await tx.update(placements).set({ status: to }).where(eq(placements.id, p!.id));
    await tx.insert(auditLog).values({
      regionId: p!.regionId,
      actorUserId: null,
      action: "ready",
      entity: "placement",
      entityId: p!.id,
      details: { from: p!.status, to },
    });
    await notifyReady(tx, ctx.config, p!.id);
    return { remaining, ready: true };
  });
  ctx.kick();
  return {
    documentId: d.doc.id,
    status: "signed" as const,
    signedAt: now.toISOString(),
    textSha256: sha256,
    placementReady: outcome.ready,
    remaining: outcome.remaining,
  };
}

/** A single link is spent once its document is signed (410); a packet may still hold other documents (409). */
const alreadySigned = (isPacket: boolean) =>
  isPacket ? new Conflict("conflict", say("document-already-signed")) : new LinkExpired();
