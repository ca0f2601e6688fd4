import { type DbOrTx, organizations, pathways } from "@bridgework/db";
import { type FieldProblem, type PersonActor, say, ValidationFailed } from "@bridgework/domain";
import { and, eq, inArray } from "drizzle-orm";

/**
 * The schools and pathways an event may name: a coordinator their district's schools, the
 * intermediary the region's; a pathway must be one of a school taking part. Anything else is a
 * 400 on the field that names it (an id from elsewhere is never confirmed to exist).
 */
export async function checkSchoolsAndPathways(
  db: DbOrTx,
  actor: PersonActor,
  schoolIds: readonly string[],
  pathwayIds: readonly string[],
): Promise<void> {
  const problems: FieldProblem[] = [];
  const inScope =
    schoolIds.length === 0
      ? []
      : await db
          .select({ id: organizations.id })
          .from(organizations)
          .where(
            and(
              inArray(organizations.id, [...schoolIds]),
              eq(organizations.regionId, actor.regionId),
              eq(organizations.type, "school"),
              actor.role === "coordinator" ? eq(organizations.parentId, actor.organizationId) : undefined,
            ),
          );
  const okSchools = new Set(inScope.map((s) => s.id));
  schoolIds.forEach((id, i) => {
    if (!okSchools.has(id)) problems.push({ path: `schools.${i}.schoolId`, text: say("event-school-out-of-scope") });
  });
  const found =
    pathwayIds.length === 0
      ? []
      : await db
          .select({ id: pathways.id, schoolId: pathways.schoolId })
          .from(pathways)
          .where(and(inArray(pathways.id, [...pathwayIds]), eq(pathways.regionId, actor.regionId)));
  const schoolOf = new Map(found.map((p) => [p.id, p.schoolId]));
  pathwayIds.forEach((id, i) => {
    const school = schoolOf.get(id);
    if (!school || !okSchools.has(school))
      problems.push({ path: `pathwayIds.${i}`, text: say("event-pathway-out-of-scope") });
  });
  if (problems.length > 0) throw new ValidationFailed(problems);
}
