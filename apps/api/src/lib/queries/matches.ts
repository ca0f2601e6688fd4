import { matches, requests } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";
import { and, eq, ne, type SQL } from "drizzle-orm";

/**
 * Which matches a person sees: intermediaries the region; coordinators their district's;
 * teachers their school's; employers those sent to them (from approval on — a teacher's
 * proposal is not an ask until the coordinator approves it: one voice toward employers).
 */
export function visibleMatches(actor: PersonActor): SQL {
  const region = eq(matches.regionId, actor.regionId);
  switch (actor.role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, eq(requests.districtId, actor.organizationId))!;
    case "teacher":
      return and(region, eq(requests.schoolId, actor.organizationId))!;
    case "employer":
      return and(region, eq(matches.employerId, actor.organizationId), ne(matches.status, "proposed"))!;
  }
}
