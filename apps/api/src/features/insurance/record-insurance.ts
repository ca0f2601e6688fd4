import { insuranceCertificates } from "@bridgework/db";
import { type InsuranceInput, NotFound, requireRole } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion } from "../organizations/organization.queries.ts";
import { dayOf } from "../placements/placement-facts.ts";
import { toCertificate } from "./insurance.queries.ts";

/**
 * Records an employer's certificate of insurance: the intermediary for any employer of its
 * region, an employer for its own organization (another's id is 404, as if it did not exist).
 */
export async function recordInsurance({ ctx, employerId, input }: { ctx: Ctx; employerId: string; input: InsuranceInput }) {
  requireRole(ctx.actor, ["intermediary", "employer"]);
  const actor = ctx.actor;
  if (actor.role === "employer" && actor.organizationId !== employerId) throw new NotFound("employer");
  const employer = await findOrganizationInRegion(ctx.db, actor.regionId, employerId, "employer");
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(insuranceCertificates)
      .values({ regionId: actor.regionId, employerId: employer.id, ...input, recordedBy: actor.userId })
      .returning();
    await audit(tx, actor, "create", "insurance_certificate", created!.id, { employerId: employer.id, expiresOn: input.expiresOn });
    return created!;
  });
  return toCertificate(row, dayOf(ctx.clock.now()));
}
