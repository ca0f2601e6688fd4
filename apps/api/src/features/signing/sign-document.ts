import { auditLog, documents, organizations, placements, type Tx, users } from "@bridgework/db";
import { LinkExpired, nextState, PLACEMENT_MACHINE, type SignInput } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createHash } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../lib/context.ts";
import { limitedName, loadPlacementFacts } from "../placements/placement-facts.ts";
import { regionTimeZone } from "../regions/region.queries.ts";
import { claimLink, findUsableLink } from "./one-time-links.ts";
import { renderSignedPdf } from "./signed-pdf.ts";
import { loadDocumentForLink, placementLine, SIGNER_LABELS } from "./signing.queries.ts";

/** What a signer sees. Opening the link never uses it: mail scanners and previews open links too. */
export async function showSignLink(ctx: Omit<Ctx, "actor">, token: string) {
  const link = await findUsableLink(ctx.db, token, "sign", ctx.clock.now());
  const d = await loadDocumentForLink(ctx.db, link);
  return {
    documentId: d.doc.id,
    kind: d.doc.kind,
    title: d.title,
    text: d.doc.renderedText!,
    language: d.doc.language,
    templateVersion: d.templateVersion,
    status: d.doc.status,
    dueOn: d.doc.dueOn,
    signer: { name: d.doc.signerName, role: d.doc.signerRole, roleLabel: SIGNER_LABELS[d.doc.language][d.doc.signerRole] },
    placement: {
      summary: placementLine(d),
      opportunityTitle: d.facts.opportunityTitle,
      employerName: d.facts.employerName,
      startDate: d.facts.placement.startDate,
      endDate: d.facts.placement.endDate,
      supervisorName: d.facts.placement.supervisorName,
    },
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** Tells the district's coordinators the paperwork is complete and the placement can be activated. */
async function notifyReady(tx: Tx, config: Config, placementId: string) {
  const facts = (await loadPlacementFacts(tx, placementId))!;
  const p = facts.placement;
  const coordinators = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.organizationId, p.districtId), eq(users.role, "coordinator"), ne(users.status, "disabled")));
  const link = `${config.publicUrl}/placements/${p.id}`;
  for (const c of coordinators) {
    await queueEmail(tx, {
      dedupeKey: `placement:${p.id}:ready:${c.id}`,
      regionId: p.regionId,
      to: c.email,
      subject: `Paperwork complete: ${facts.student.firstName} ${facts.student.lastName} at ${facts.employerName}`,
      text: [`Hello ${c.name},`, "", `Every document for ${limitedName(facts)}'s placement "${facts.opportunityTitle}" is signed. The placement is ready to activate.`, "", link].join("\n"),
    });
  }
}

/**
 * Signs the document behind a link: uses the link (exactly one of any number of concurrent
 * posts wins; the rest get 410), records the typed name, time, IP, user agent and SHA-256 of
 * the exact text shown, and stores a PDF copy. When it was the placement's last unsigned
 * document, the placement becomes ready in the same transaction. Side effects: an audit row
 * and, on ready, an email to the district's coordinators.
 */
export async function signDocument(ctx: Omit<Ctx, "actor">, token: string, input: SignInput, client: { ip: string; userAgent: string }) {
  const now = ctx.clock.now();
  const link = await findUsableLink(ctx.db, token, "sign", now);
  const d = await loadDocumentForLink(ctx.db, link);
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
  const ready = await ctx.db.transaction(async (tx) => {
    // The placement row is locked first, as every placement action does (withdraw, resend),
    // so a signature racing a withdrawal waits instead of deadlocking on the link and document rows.
    // It also makes two last signatures at once count each other.
    const [p] = await tx.select().from(placements).where(eq(placements.id, d.doc.placementId)).for("update");
    await claimLink(tx, link.id, now);
    const signed = await tx
      .update(documents)
      .set({ status: "signed", typedName: input.typedName, signedAt: now, signedIp: client.ip, signedUserAgent: client.userAgent.slice(0, 500), textSha256: sha256, pdf })
      .where(and(eq(documents.id, d.doc.id), eq(documents.status, "pending")))
      .returning({ id: documents.id });
    if (signed.length === 0) throw new LinkExpired();
    await tx.insert(auditLog).values({ regionId: d.doc.regionId, actorUserId: null, action: "sign", entity: "document", entityId: d.doc.id, details: { signerRole: d.doc.signerRole, via: "one_time_link" } });
    const unsigned = await tx.$count(documents, and(eq(documents.placementId, p!.id), ne(documents.status, "signed")));
    const to = unsigned === 0 ? nextState(PLACEMENT_MACHINE, p!.status, "ready") : null;
    if (to === null) return false;
    await tx.update(placements).set({ status: to }).where(eq(placements.id, p!.id));
    await tx.insert(auditLog).values({ regionId: p!.regionId, actorUserId: null, action: "ready", entity: "placement", entityId: p!.id, details: { from: p!.status, to } });
    await notifyReady(tx, ctx.config, p!.id);
    return true;
  });
  ctx.kick();
  return { documentId: d.doc.id, status: "signed" as const, signedAt: now.toISOString(), textSha256: sha256, placementReady: ready };
}
