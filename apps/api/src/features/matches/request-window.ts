import { regions, type Tx } from "@bridgework/db";
import { RuleViolation, say, withinWindow } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import type { RequestRow } from "./match-transition.ts";

/**
 * Refuses a time outside the request's window (422 outside-window, with a field error on
 * `scheduledAt` naming the window): the teacher asked for those days, read as the region's
 * calendar days. Checked before anything is written.
 */
export async function assertWithinWindow(tx: Tx, request: RequestRow, scheduledAt: Date): Promise<void> {
  const [region] = await tx
    .select({ timeZone: regions.timeZone })
    .from(regions)
    .where(eq(regions.id, request.regionId));
  const timeZone = region?.timeZone ?? "America/Los_Angeles";
  if (withinWindow(request, scheduledAt, timeZone)) return;
  const window = { start: request.windowStart, end: request.windowEnd };
  throw new RuleViolation(
    "outside-window",
    say("outside-window", window),
    { windowStart: request.windowStart, windowEnd: request.windowEnd, timeZone },
    [{ path: "scheduledAt", text: say("outside-window-field", window) }],
  );
}
