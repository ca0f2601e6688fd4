import { pathways, requests } from "@bridgework/db";
import { type CreateRequest, levelOf, NotFound, requireRole, ValidationFailed, say } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findOrganizationInRegion, type OrganizationRow } from "../../lib/queries/organizations.ts";
import { findVisibleRequest, toRequest } from "../../lib/queries/requests.ts";

/**
 * A teacher asks for their own school; a coordinator for a school of their district; an
 * intermediary for any school of the region. Starts open. Side effects: an audit row.
 */
export async function createRequest({ ctx, input }: { ctx: Ctx; input: CreateRequest }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  const actor = ctx.actor;
  const school = await schoolFor(ctx, input.schoolId);
  if (input.pathwayId) {
    const [pathway] = await ctx.db
      .select({ id: pathways.id })
      .from(pathways)
      .where(and(eq(pathways.id, input.pathwayId), eq(pathways.schoolId, school.id)));
    if (!pathway)
      throw new ValidationFailed([{ path: "pathwayId", text: say("not-a-pathway-of", { school: school.name }) }]);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(requests)
      .values({
        regionId: actor.regionId,
        // A school always has its district (CHECK school_has_district).
        districtId: school.parentId!,
        schoolId: school.id,
        pathwayId: input.pathwayId ?? null,
        createdBy: actor.userId,
        kind: input.kind,
        level: levelOf(input.kind),
        sector: input.sector,
        students: input.students,
        gradeLevels: input.gradeLevels,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        modality: input.modality,
        notes: input.notes ?? null,
        status: "open",
      })
      .returning({ id: requests.id });
    await audit(tx, actor, "create", "request", created!.id, { schoolId: school.id });
    return findVisibleRequest(tx, actor, created!.id);
  });
  return toRequest(row);
}

/** The school the request is for; a school the person may not ask for looks like a missing one. */
async function schoolFor(ctx: Ctx, requested: string | undefined): Promise<OrganizationRow> {
  const actor = ctx.actor;
  if (actor.role === "teacher") {
    if (requested && requested !== actor.organizationId) throw new NotFound("school");
    return findOrganizationInRegion(ctx.db, actor.regionId, actor.organizationId, "school");
  }
  if (!requested) throw new ValidationFailed([{ path: "schoolId", text: say("school-required") }]);
  const school = await findOrganizationInRegion(ctx.db, actor.regionId, requested, "school");
  if (actor.role === "coordinator" && school.parentId !== actor.organizationId) throw new NotFound("school");
  return school;
}
