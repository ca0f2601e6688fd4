import { type DbOrTx, organizations } from "@bridgework/db";
import { NotFound, type Organization, type OrganizationType, type Sector } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";

export type OrganizationRow = typeof organizations.$inferSelect;

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    regionId: row.regionId,
    type: row.type,
    name: row.name,
    parentId: row.parentId,
    sectors: row.sectors as Sector[],
    address: { city: row.city, postalCode: row.postalCode },
    askCapPerMonth: row.askCapPerMonth,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An organization in the caller's region, optionally of one type; anything else is 404. */
export async function findOrganizationInRegion(db: DbOrTx, regionId: string, id: string, type?: OrganizationType): Promise<OrganizationRow> {
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.regionId, regionId), type ? eq(organizations.type, type) : undefined));
  if (!row) throw new NotFound(type ?? "organization");
  return row;
}
