import { documents } from "@bridgework/db";
import { Conflict, dayOf, requireRole, say, type SignerRole } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { resendSignerPacket } from "../../lib/paperwork/placement-documents.ts";
import { findVisiblePlacement, presentPlacement } from "./placement.queries.ts";

/**
 * Sends every signer who still has unsigned documents on a placement a fresh packet link; their
 * earlier sign links are revoked (410 from now on). 409 when nothing is left to sign. Side
 * effects: links, one email per signer (outbox) and an audit row.
 */
export async function resendPaperwork({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await findVisiblePlacement(tx, actor, id, true);
    const pending = await tx
      .selectDistinct({ role: documents.signerRole })
      .from(documents)
      .where(and(eq(documents.placementId, p.id), eq(documents.status, "pending")));
    if (pending.length === 0) throw new Conflict("conflict", say("paperwork-nothing-to-resend"));
    const facts = (await loadPlacementFacts(tx, p.id))!;
    const signers: SignerRole[] = pending.map((r) => r.role).sort();
    for (const role of signers) await resendSignerPacket(tx, { config: ctx.config, now }, facts, role);
    await audit(tx, actor, "resend", "placement", p.id, { signers });
  });
  ctx.kick();
  return presentPlacement(ctx.db, actor, id, dayOf(now));
}
