import { type DbOrTx, regions } from "@bridgework/db";
import { NotFound, type PublicRegion } from "@bridgework/domain";
import { asc, eq } from "drizzle-orm";

/** The region behind a public page's slug (name and id); 404 when there is none. */
export async function regionBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: regions.id, slug: regions.slug, name: regions.name, timeZone: regions.timeZone })
    .from(regions)
    .where(eq(regions.slug, slug.toLowerCase()));
  if (!row) throw new NotFound("region");
  return row;
}

/** Every region's public name and slug, for the chooser on `/get-involved` (names only: no ids). */
export function publicRegions(db: DbOrTx): Promise<PublicRegion[]> {
  return db.select({ slug: regions.slug, name: regions.name }).from(regions).orderBy(asc(regions.name));
}
