import { type Calendar, type CalendarQuery, requireRole } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { calendarEntries } from "./calendar.queries.ts";

/** The person's calendar between two days of their region (the query schema caps the range). Student names shown are audited. */
export async function getCalendar({ ctx, input }: { ctx: Ctx; input: CalendarQuery }): Promise<Calendar> {
  requireRole(ctx.actor, ["intermediary", "coordinator", "teacher", "employer"]);
  const timeZone = await regionTimeZone(ctx.db, ctx.actor.regionId);
  const entries = await calendarEntries(ctx, ctx.actor, { from: input.from, to: input.to, timeZone });
  const placementIds = entries.filter((e) => e.kind === "placementStart" || e.kind === "paperworkDue").map((e) => e.id);
  if (placementIds.length > 0)
    await audit(ctx.db, ctx.actor, "list", "placement", null, {
      placementIds: [...new Set(placementIds)],
      via: "calendar",
    });
  return { from: input.from, to: input.to, timeZone, entries };
}
