import { hoursEntries } from "@bridgework/db";
import {
  Conflict,
  dayOf,
  type HoursInput,
  type PersonActor,
  requireRole,
  RuleViolation,
  say,
} from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, hoursApprovalMessage } from "@bridgework/notifications";
import { and, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { issueLink, revokeOpenLinks } from "../../lib/one-time-links.ts";
import { limitedName, loadPlacementFacts } from "../../lib/paperwork/placement-facts.ts";
import { findVisiblePlacement } from "./placement.queries.ts";

/** Who logs hours: the district's coordinator and the teachers of the student's school (placement scope gives the 404s). */
const HOURS_ROLES = ["coordinator", "teacher", "intermediary"] as const satisfies PersonActor["role"][];

/**
 * Adds pending hours to an active placement and emails the supervisor one approval link
 * covering every entry still pending. A new entry replaces the previous link (it is revoked),
 * since only hashes are kept and an old link cannot be re-sent. The email is in the supervisor's
 * language (`placements.supervisor_language`), the link's expiry in the region's zone.
 */
export async function logHours({ ctx, id, input }: { ctx: Ctx; id: string; input: HoursInput }) {
  requireRole(ctx.actor, HOURS_ROLES);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const entry = await ctx.db.transaction(async (tx) => {
    const p = await findVisiblePlacement(tx, actor, id, true);
    if (p.status !== "active") throw new Conflict("invalid-transition", say("hours-need-active", { status: p.status }));
    if (input.date < p.startDate || input.date > p.endDate || input.date > dayOf(now)) {
      throw new RuleViolation("outside-window", say("hours-outside-window", { start: p.startDate, end: p.endDate }));
    }
    const [created] = await tx
      .insert(hoursEntries)
      .values({
        placementId: p.id,
        date: input.date,
        hours: input.hours,
        note: input.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    const pending = await tx.$count(
      hoursEntries,
      and(eq(hoursEntries.placementId, p.id), eq(hoursEntries.status, "pending")),
    );
    await revokeOpenLinks(tx, { placementId: p.id, purpose: "hours" }, now);
    const link = await issueLink(tx, { purpose: "hours", placementId: p.id, now });
    const facts = (await loadPlacementFacts(tx, p.id))!;
    const message = await hoursApprovalMessage({
      recipient: { name: p.supervisorName, email: p.supervisorEmail, language: p.supervisorLanguage },
      timeZone: await regionTimeZone(tx, p.regionId),
      student: limitedName(facts),
      title: facts.opportunityTitle,
      employer: facts.employerName,
      pending,
      link: createLinks(ctx.config.publicUrl).hours(link.token),
      expiresAt: link.expiresAt,
    });
    await queueEmail(tx, {
      dedupeKey: `hours-link:${link.id}`,
      regionId: p.regionId,
      to: p.supervisorEmail,
      ...message,
    });
    await audit(tx, actor, "log_hours", "placement", p.id, { entryId: created!.id, hours: input.hours });
    return created!;
  });
  ctx.kick();
  return { id: entry.id, date: entry.date, hours: entry.hours, note: entry.note, status: entry.status };
}
