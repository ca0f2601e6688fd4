import { eventStudents, eventVolunteers, students } from "@bridgework/db";
import { NotFound, type NoShowInput, type NoShowResult, RuleViolation, say } from "@bridgework/domain";
import { and, eq, inArray } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";
import { rescheduleWithoutVolunteers } from "../../lib/events/schedule-store.ts";

/**
 * Volunteers who did not come: they become `cancelled` and only the interviews they had move to
 * others with free capacity (every other slot stays). The event row is locked, so two no-shows
 * marked at once reschedule one after the other. A volunteer who checked in is refused (422):
 * undo the check-in first. Already cancelled ones are left as they are.
 */
export async function markNoShows(ctx: Ctx, eventId: string, input: NoShowInput): Promise<NoShowResult> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, ctx.actor, eventId, true);
    const rows = await tx
      .select()
      .from(eventVolunteers)
      .where(and(eq(eventVolunteers.eventId, event.id), inArray(eventVolunteers.id, input.volunteerIds)));
    if (rows.length !== input.volunteerIds.length) throw new NotFound("volunteer");
    const arrived = rows.find((v) => v.checkedInAt !== null && v.status !== "cancelled");
    if (arrived) throw new RuleViolation("rule-violation", say("no-show-checked-in", { name: arrived.name }));
    const gone = rows.filter((v) => v.status !== "cancelled").map((v) => v.id);
    if (gone.length === 0) return { cancelled: 0, moved: 0, short: [] };
    await tx
      .update(eventVolunteers)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(inArray(eventVolunteers.id, gone));
    const schedule = await rescheduleWithoutVolunteers(tx, event.id, gone);
    for (const id of gone) await audit(tx, ctx.actor, "no_show", "event_volunteer", id, { eventId: event.id });
    const shortIds = schedule.short.map((s) => s.studentId);
    const names =
      shortIds.length === 0
        ? []
        : await tx
            .select({ id: eventStudents.id, firstName: students.firstName, lastName: students.lastName })
            .from(eventStudents)
            .innerJoin(students, eq(students.id, eventStudents.studentId))
            .where(inArray(eventStudents.id, shortIds));
    const nameOf = new Map(names.map((n) => [n.id, `${n.firstName} ${n.lastName}`]));
    return {
      cancelled: gone.length,
      moved: schedule.moved,
      short: schedule.short.map((s) => ({
        eventStudentId: s.studentId,
        name: nameOf.get(s.studentId) ?? "",
        missing: s.missing,
      })),
    };
  });
}
