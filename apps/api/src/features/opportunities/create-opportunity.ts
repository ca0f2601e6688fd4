import { opportunities } from "@bridgework/db";
import { type CreateOpportunity, levelOf, NotFound, requireRole, ValidationFailed, say } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";
import { findVisibleOpportunity, toOpportunity } from "../../lib/queries/opportunities.ts";

/**
 * An employer posts for its own organization; an intermediary posts on behalf of an employer
 * of its region (`employerId`). Starts as a draft. Side effects: an audit row.
 */
export async function createOpportunity({ ctx, input }: { ctx: Ctx; input: CreateOpportunity }) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const actor = ctx.actor;
  const employerId = await employerFor(ctx, input.employerId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(opportunities)
      .values({
        regionId: actor.regionId,
        employerId,
        kind: input.kind,
        level: levelOf(input.kind),
        sector: input.sector,
        title: input.title,
        description: input.description,
        modality: input.modality,
        city: input.location?.city ?? null,
        postalCode: input.location?.postalCode ?? null,
        capacity: input.capacity,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        minAge: input.minAge ?? null,
        requirements: input.requirements,
        paid: input.paid,
        hoursTotal: input.hoursTotal ?? null,
        status: "draft",
        createdBy: actor.userId,
      })
      .returning({ id: opportunities.id });
    await audit(tx, actor, "create", "opportunity", created!.id, {
      employerId,
      onBehalf: actor.role === "intermediary",
    });
    return findVisibleOpportunity(tx, actor, created!.id);
  });
  return toOpportunity(row);
}

/** Whose opportunity this is: the employer's own organization, or the one an intermediary names. */
async function employerFor(ctx: Ctx, requested: string | undefined): Promise<string> {
  const actor = ctx.actor;
  if (actor.role === "employer") {
    // Ownership comes from the login; naming another employer looks like naming a missing one.
    if (requested && requested !== actor.organizationId) throw new NotFound("employer");
    return actor.organizationId;
  }
  if (!requested) throw new ValidationFailed([{ path: "employerId", text: say("employer-required") }]);
  const employer = await findOrganizationInRegion(ctx.db, actor.regionId, requested, "employer");
  return employer.id;
}
