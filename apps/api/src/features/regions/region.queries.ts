import { type DbOrTx, regions } from "@bridgework/db";
import type { Region } from "@bridgework/domain";
import { eq } from "drizzle-orm";

export type RegionRow = typeof regions.$inferSelect;

export function toRegion(row: RegionRow): Region {
  return { id: row.id, name: row.name, timeZone: row.timeZone, updatedAt: row.updatedAt.toISOString() };
}

/** The IANA zone a region's people read every instant in (PDFs, CSV exports, emails, the SPA). */
export async function regionTimeZone(db: DbOrTx, regionId: string): Promise<string> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  if (!row) throw new Error(`region ${regionId} is missing`);
  return row.timeZone;
}
