import { type DbOrTx, organizations, regions, users } from "@bridgework/db";
import type { Me, PersonActor } from "@bridgework/domain";
import { eq } from "drizzle-orm";

export interface UserWithOrg {
  user: typeof users.$inferSelect;
  organization: typeof organizations.$inferSelect;
  region: Pick<typeof regions.$inferSelect, "id" | "name" | "timeZone">;
}

export async function loadUserWithOrg(
  db: DbOrTx,
  where: { id: string } | { email: string },
): Promise<UserWithOrg | null> {
  const [row] = await db
    .select({
      user: users,
      organization: organizations,
      region: { id: regions.id, name: regions.name, timeZone: regions.timeZone },
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where("id" in where ? eq(users.id, where.id) : eq(users.email, where.email.toLowerCase()));
  return row ?? null;
}

/** The district a coordinator runs, or the district of a teacher's school. */
export function actorFor({ user, organization }: UserWithOrg): PersonActor {
  const districtId =
    user.role === "coordinator" ? organization.id : user.role === "teacher" ? organization.parentId : null;
  return {
    kind: "person",
    userId: user.id,
    role: user.role,
    organizationId: organization.id,
    regionId: user.regionId,
    districtId,
  };
}

export function toMe({ user, organization, region }: UserWithOrg): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: organization.id,
    organizationName: organization.name,
    regionId: user.regionId,
    regionName: region.name,
    language: user.language,
    region,
  };
}
