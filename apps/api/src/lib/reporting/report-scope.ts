import { organizations, pathways } from "@bridgework/db";
import { type Kind, type Level, NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context.ts";

/** Whose numbers a report may show: the region, narrowed to a district and/or a school. */
export interface ReportScope {
  regionId: string;
  districtId: string | null;
  schoolId: string | null;
  /** Narrower filters only the placement report takes (other reports leave them unset). */
  pathwayId?: string | null;
  kind?: Kind | null;
  level?: Level | null;
}

export const REPORT_ROLES = ["intermediary", "coordinator"] as const;
export type ReportActor = PersonActor & { role: (typeof REPORT_ROLES)[number] };

/**
 * First line of every report: only intermediaries (their region) and coordinators (their
 * district) read aggregates; teachers and employers get 403. A district or school outside
 * that scope is 404, the same answer as one that does not exist.
 */
export async function reportScope(ctx: Ctx, input: { districtId?: string; schoolId?: string }): Promise<ReportScope> {
  requireRole(ctx.actor, REPORT_ROLES);
  const actor = ctx.actor;
  let districtId = input.districtId ?? null;
  if (actor.role === "coordinator") {
    if (!actor.districtId || (districtId && districtId !== actor.districtId)) throw new NotFound("district");
    districtId = actor.districtId;
  } else if (districtId) {
    await mustExist(actor.regionId, districtId, "district");
  }
  const schoolId = input.schoolId ?? null;
  if (schoolId) {
    const school = await mustExist(actor.regionId, schoolId, "school");
    if (districtId && school.parentId !== districtId) throw new NotFound("school");
  }
  return { regionId: actor.regionId, districtId, schoolId };

  async function mustExist(regionId: string, id: string, type: "district" | "school") {
    const [row] = await ctx.db
      .select({ parentId: organizations.parentId })
      .from(organizations)
      .where(and(eq(organizations.id, id), eq(organizations.regionId, regionId), eq(organizations.type, type)));
    if (!row) throw new NotFound(type);
    return row;
  }
}

/**
 * The placement report's scope: reportScope plus a pathway (of the region, and of the
 * coordinator's district or the named district/school; any other is 404), a kind and a level.
 */
export async function placementScope(
  ctx: Ctx,
  input: { districtId?: string; schoolId?: string; pathwayId?: string; kind?: Kind; level?: Level },
): Promise<ReportScope> {
  const scope = await reportScope(ctx, input);
  if (input.pathwayId) {
    const [row] = await ctx.db
      .select({ schoolId: pathways.schoolId, districtId: organizations.parentId })
      .from(pathways)
      .innerJoin(organizations, eq(organizations.id, pathways.schoolId))
      .where(and(eq(pathways.id, input.pathwayId), eq(pathways.regionId, scope.regionId)));
    if (
      !row ||
      (scope.districtId && row.districtId !== scope.districtId) ||
      (scope.schoolId && row.schoolId !== scope.schoolId)
    )
      throw new NotFound("pathway");
  }
  return { ...scope, pathwayId: input.pathwayId ?? null, kind: input.kind ?? null, level: input.level ?? null };
}
