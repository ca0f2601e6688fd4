import { employerInterests, organizations } from "@bridgework/db";
import { type InterestDecision, type MergeInterest, requireRole } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import {
  createStandingOffers,
  lockWaitingSubmission,
  knownSectors,
  offeredKinds,
  toSubmission,
} from "./employer-vetting.queries.ts";
import { inviteContact } from "./invite-contact.ts";

/**
 * Merge a waiting submission into an existing employer of the region, in one transaction: the
 * contact is invited as a user of that employer (unless the address already has an account:
 * then the submission is only linked), the submission's sectors are added to the employer's,
 * standing offers are made for the ways to help the employer does not offer yet, and the
 * submission is marked merged. Row lock as in approve: one decision wins.
 */
export async function mergeInterest({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: MergeInterest;
}): Promise<InterestDecision> {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockWaitingSubmission(tx, actor.regionId, id, "merged");
    const employer = await findOrganizationInRegion(tx, actor.regionId, input.organizationId, "employer");
    const sectors = knownSectors(employer.sectors, row.sectors);
    const [org] = await tx
      .update(organizations)
      .set({
        sectors,
        website: employer.website ?? row.website,
        companySize: employer.companySize ?? row.companySize,
      })
      .where(eq(organizations.id, employer.id))
      .returning();
    await audit(tx, actor, "update", "organization", employer.id, { fromSubmission: row.id, sectors });
    const invited = await inviteContact(tx, ctx, row, org!, now);
    const standingOfferIds = sectors[0]
      ? await createStandingOffers(tx, {
          row,
          employerId: employer.id,
          company: employer.name,
          sector: knownSectors(row.sectors)[0] ?? sectors[0],
          createdBy: actor.userId,
          skipKinds: await offeredKinds(tx, employer.id),
        })
      : [];
    const [decided] = await tx
      .update(employerInterests)
      .set({ status: "merged", organizationId: employer.id, decidedBy: actor.userId, decidedAt: now })
      .where(eq(employerInterests.id, row.id))
      .returning();
    await audit(tx, actor, "merge", "employer_interest", row.id, {
      organizationId: employer.id,
      standingOfferIds,
      invited,
    });
    return { submission: toSubmission(decided!, []), organizationId: employer.id, standingOfferIds, invited };
  });
  ctx.kick();
  return result;
}
