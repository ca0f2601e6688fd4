import { dayStartedEverywhere } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/**
 * Open requests whose preferred window has passed become `expired`, each with an audit row
 * (no person acts, so no actor). One statement: of two concurrent runs the second waits on the
 * row locks, re-checks `status = 'open'` and skips what the first expired, so each request
 * expires (and is audited) once. Returns how many expired.
 */
export const expireRequests: Sweep = async ({ db, now }) => {
  // A window ending before the date that has begun everywhere is over in every time zone (a
  // region has none), so a request never expires while its last day still runs for the school.
  const today = dayStartedEverywhere(now);
  const result = await db.execute(sql`
    WITH expired AS (
      UPDATE requests SET status = 'expired', updated_at = ${now}
      WHERE status = 'open' AND window_end < ${today}::date
      RETURNING id, region_id, window_end
    )
    INSERT INTO audit_log (region_id, actor_user_id, action, entity, entity_id, details, at)
    SELECT region_id, NULL, 'expire', 'request', id, jsonb_build_object('windowEnd', window_end, 'sweep', 'expire-requests'), ${now}
    FROM expired
  `);
  return result.rowCount ?? 0;
};
