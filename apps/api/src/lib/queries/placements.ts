import { placements } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";
import { and, eq, type SQL } from "drizzle-orm";

/**
 * Which placements a person sees: the intermediary its region, a coordinator its district, a
 * teacher its school, an employer its own. Anything else is 404, like a missing id.
 */
export function visiblePlacements(actor: PersonActor): SQL {
  const region = eq(placements.regionId, actor.regionId);
  switch (actor.role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, eq(placements.districtId, actor.organizationId))!;
    case "teacher":
      return and(region, eq(placements.schoolId, actor.organizationId))!;
    case "employer":
      return and(region, eq(placements.employerId, actor.organizationId))!;
  }
}
