import { regions } from "@bridgework/db";
import { NotFound, requireRole, RuleViolation, say, type UpdateRegion } from "@bridgework/domain";
import { isTimeZone } from "@bridgework/notifications";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { toRegion } from "./region.queries.ts";

/** The zones the SPA offers (Intl's list) plus UTC, keyed by lower case for a forgiving match. */
const ZONES = new Map(["UTC", ...Intl.supportedValuesOf("timeZone")].map((zone) => [zone.toLowerCase(), zone]));

/**
 * The canonical spelling of an IANA zone ("america/new_york" → "America/New_York"), or null.
 * Legacy names Intl still accepts ("PST", "US/Pacific") and UTC offsets ("+01:00") are refused:
 * offsets and fixed "EST"-style zones ignore daylight saving, so January and July could not both
 * read right, and one spelling per zone keeps reports and audits comparable.
 */
function canonicalZone(input: string): string | null {
  const zone = ZONES.get(input.toLowerCase());
  return zone && isTimeZone(zone) ? zone : null;
}

/**
 * Sets the region's time zone and/or its student retention period (intermediaries only). Every
 * instant the region's people read from then on (SPA, emails, .ics, signed PDFs, CSV exports) is
 * shown in the zone; stored instants do not change. With a retention period, the `erase-retention`
 * sweep erases students that many years after their last activity (docs/privacy.md). Side effect:
 * an audit row with the old and new values of what changed.
 */
export async function updateRegion({ ctx, input }: { ctx: Ctx; input: UpdateRegion }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const timeZone = input.timeZone === undefined ? undefined : canonicalZone(input.timeZone);
  if (timeZone === null) {
    throw new RuleViolation("unknown-time-zone", say("unknown-time-zone", { zone: input.timeZone! }), {}, [
      { path: "timeZone", text: say("pick-time-zone") },
    ]);
  }
  const retention = input.studentRetentionYears;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ timeZone: regions.timeZone, studentRetentionYears: regions.studentRetentionYears })
      .from(regions)
      .where(eq(regions.id, actor.regionId))
      .for("update");
    if (!before) throw new NotFound("region");
    const [row] = await tx
      .update(regions)
      .set({
        ...(timeZone ? { timeZone } : {}),
        ...(retention !== undefined ? { studentRetentionYears: retention } : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(regions.id, actor.regionId))
      .returning();
    await audit(tx, actor, "update", "region", actor.regionId, {
      ...(timeZone ? { timeZone: { from: before.timeZone, to: timeZone } } : {}),
      ...(retention !== undefined
        ? { studentRetentionYears: { from: before.studentRetentionYears, to: retention } }
        : {}),
    });
    return toRegion(row!);
  });
}
