import { employerInterests, organizations, regions } from "@bridgework/db";
import { type DeclineInterest, type InterestDecision, requireRole } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { interestDeclinedMessage } from "@bridgework/notifications";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { lockWaitingSubmission, toSubmission } from "./employer-vetting.queries.ts";

/**
 * Decline a waiting submission with a reason: the contact gets a polite email in the company's
 * language, signed by the intermediary organization. Row lock as in approve: one decision wins.
 */
export async function declineInterest({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: DeclineInterest;
}): Promise<InterestDecision> {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockWaitingSubmission(tx, actor.regionId, id, "declined");
    const [decided] = await tx
      .update(employerInterests)
      .set({ status: "declined", declineReason: input.reason, decidedBy: actor.userId, decidedAt: now })
      .where(eq(employerInterests.id, row.id))
      .returning();
    const [[region], [intermediary]] = await Promise.all([
      tx.select({ name: regions.name, timeZone: regions.timeZone }).from(regions).where(eq(regions.id, row.regionId)),
      tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.organizationId)),
    ]);
    const message = await interestDeclinedMessage({
      recipient: { name: row.contactName, email: row.contactEmail, language: row.language },
      timeZone: region!.timeZone,
      company: row.companyName,
      region: region!.name,
      intermediary: intermediary?.name ?? region!.name,
      reason: input.reason,
    });
    await queueEmail(tx, {
      dedupeKey: `interest-declined:${row.id}`,
      regionId: row.regionId,
      to: row.contactEmail,
      ...message,
    });
    await audit(tx, actor, "decline", "employer_interest", row.id, { reason: input.reason });
    return { submission: toSubmission(decided!, []), organizationId: null, standingOfferIds: [], invited: false };
  });
  ctx.kick();
  return result;
}
