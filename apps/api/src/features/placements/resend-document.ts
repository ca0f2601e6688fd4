import { documents } from "@bridgework/db";
import { Conflict, dayOf, NotFound, requireRole, say } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { resendSignerPacket } from "../../lib/paperwork/placement-documents.ts";
import { findVisiblePlacement, presentPlacement } from "./placement.queries.ts";

/**
 * Sends the signer of an unsigned document a fresh packet link for all of their unsigned
 * documents on the placement; their earlier links are revoked (410 from now on). Side effects:
 * links, an email (outbox) and an audit row.
 */
export async function resendDocument({ ctx, id, documentId }: { ctx: Ctx; id: string; documentId: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await findVisiblePlacement(tx, actor, id, true);
    const [doc] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.placementId, p.id)))
      .for("update");
    if (!doc) throw new NotFound("document");
    if (doc.status !== "pending") throw new Conflict("conflict", say("document-not-pending", { status: doc.status }));
    const facts = (await loadPlacementFacts(tx, p.id))!;
    await resendSignerPacket(tx, { config: ctx.config, now }, facts, doc.signerRole);
    await audit(tx, actor, "resend", "document", doc.id, { placementId: p.id });
  });
  ctx.kick();
  return presentPlacement(ctx.db, actor, id, dayOf(now));
}
