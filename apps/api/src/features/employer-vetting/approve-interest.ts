import { employerInterests, organizations } from "@bridgework/db";
import {
  type ApproveInterest,
  Conflict,
  DEFAULT_ASK_CAP_PER_MONTH,
  type InterestDecision,
  requireRole,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { inviteContact } from "./invite-contact.ts";
import { createStandingOffers, lockWaitingSubmission, knownSectors, toSubmission } from "./employer-vetting.queries.ts";

/**
 * Approve a waiting submission as a new employer, in one transaction: the organization (its
 * sectors, website, size, city, postal code and ask cap), the contact invited as its first
 * employer user, one draft standing offer per chosen way to help, and the decision on the
 * submission with its audit row. The submission's row is locked first, so of two intermediaries
 * deciding at once exactly one wins; the other gets 409 invalid-transition.
 */
export async function approveInterest({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: ApproveInterest;
}): Promise<InterestDecision> {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockWaitingSubmission(tx, actor.regionId, id, "approved");
    const sectors = knownSectors(input.sectors ?? [], row.sectors);
    if (sectors.length === 0) throw new ValidationFailed([{ path: "sectors", text: say("invalid-value") }]);
    const name = input.name ?? row.companyName;
    const [org] = await tx
      .insert(organizations)
      .values({
        regionId: actor.regionId,
        type: "employer",
        name,
        sectors,
        city: row.city,
        postalCode: row.postalCode,
        website: row.website,
        companySize: row.companySize,
        askCapPerMonth: input.askCapPerMonth === undefined ? DEFAULT_ASK_CAP_PER_MONTH : input.askCapPerMonth,
      })
      .returning()
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new Conflict("duplicate", say("organization-exists", { name }), {}, [
              { path: "name", text: say("organization-name-taken") },
            ])
          : error;
      });
    await audit(tx, actor, "create", "organization", org!.id, { fromSubmission: row.id });
    const invited = await inviteContact(tx, ctx, row, org!, now);
    const standingOfferIds = await createStandingOffers(tx, {
      row,
      employerId: org!.id,
      company: name,
      sector: sectors[0]!,
      createdBy: actor.userId,
    });
    const [decided] = await tx
      .update(employerInterests)
      .set({ status: "approved", organizationId: org!.id, decidedBy: actor.userId, decidedAt: now })
      .where(eq(employerInterests.id, row.id))
      .returning();
    await audit(tx, actor, "approve", "employer_interest", row.id, {
      organizationId: org!.id,
      standingOfferIds,
      invited,
    });
    return { submission: toSubmission(decided!, []), organizationId: org!.id, standingOfferIds, invited };
  });
  ctx.kick();
  return result;
}
