import { type DbOrTx, regions } from "@bridgework/db";
import { eq } from "drizzle-orm";

/** The region's IANA zone (`regions.time_zone`): every time a person reads (emails, .ics, signed PDFs, CSV) is written in it. */
export async function regionTimeZone(db: DbOrTx, regionId: string): Promise<string> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  if (!row) throw new Error(`region ${regionId} is missing`);
  return row.timeZone;
}
