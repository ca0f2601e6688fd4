import { type DbOrTx, organizations } from "@bridgework/db";
import { NotFound, type OrganizationType } from "@bridgework/domain";
import { and, eq } from "drizzle-orm";

export type OrganizationRow = typeof organizations.$inferSelect;

/** An organization in the caller's region, optionally of one type; anything else is 404. */
export async function findOrganizationInRegion(
  db: DbOrTx,
  regionId: string,
  id: string,
  type?: OrganizationType,
): Promise<OrganizationRow> {
  const [row] = await db
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.id, id),
        eq(organizations.regionId, regionId),
        type ? eq(organizations.type, type) : undefined,
      ),
    );
  if (!row) throw new NotFound(type ?? "organization");
  return row;
}
