import { sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/** Twelve hours behind UTC: the last place on Earth where a given date is still today. */
const LATEST_OFFSET_MS = 12 * 60 * 60 * 1000;

/**
 * The date that has begun everywhere: a window ending on an earlier date is over in every
 * time zone. Regions carry no time zone, so a request is never expired while its last day is
 * still running for the school; in California that is a few hours (4–5) into the next day.
 */
export function lastDayStarted(now: Date): string {
  return new Date(now.getTime() - LATEST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Open requests whose preferred window has passed become `expired`, each with an audit row
 * (no person acts, so no actor). One statement: of two concurrent runs the second waits on the
 * row locks, re-checks `status = 'open'` and skips what the first expired, so each request
 * expires (and is audited) once. Returns how many expired.
 */
export const expireRequests: Sweep = async ({ db, now }) => {
  const today = lastDayStarted(now);
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
