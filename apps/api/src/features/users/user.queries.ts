import { type DbOrTx, organizations, users } from "@bridgework/db";
import type { PersonActor, User } from "@bridgework/domain";
import { and, eq, or, type SQL } from "drizzle-orm";

export type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organizationId,
    status: row.status,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Which users a person may see: intermediaries the region, coordinators their district's
 * staff (district and its schools), employers their own organization.
 */
export function visibleUsers(actor: PersonActor): SQL | undefined {
  const inRegion = eq(users.regionId, actor.regionId);
  switch (actor.role) {
    case "intermediary":
      return inRegion;
    case "coordinator":
      return and(
        inRegion,
        or(eq(organizations.id, actor.organizationId), eq(organizations.parentId, actor.organizationId)),
      );
    case "employer":
      return and(inRegion, eq(users.organizationId, actor.organizationId));
    default:
      return undefined;
  }
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}
