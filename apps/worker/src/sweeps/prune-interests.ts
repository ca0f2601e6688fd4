import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/**
 * "Get involved" submissions never confirmed by their emailed link are deleted once the link has
 * expired: they never counted, and they hold a stranger's name, email and address. One DELETE,
 * safe to run twice or concurrently. Returns how many went.
 */
export const pruneUnconfirmedInterests: Sweep = async ({ db, now }) => {
  const result = await db.execute(sql`
    DELETE FROM employer_interests
    WHERE status = 'unconfirmed' AND confirm_expires_at <= ${now}
  `);
  return result.rowCount ?? 0;
};
