import { type DbOrTx, regions } from "@bridgework/db";
import { eq } from "drizzle-orm";

/** The region's IANA zone (`regions.time_zone`): every time an email shows is written in it. */
export async function regionTimeZone(db: DbOrTx, regionId: string): Promise<string> {
  const [row] = await db.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, regionId));
  return row!.timeZone;
}
