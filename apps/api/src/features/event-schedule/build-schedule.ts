import { type DbOrTx, eventInterviews, eventRoles, eventVolunteers, events } from "@bridgework/db";
import {
  buildInterviewSchedule,
  Conflict,
  isScheduledEvent,
  NotFound,
  RuleViolation,
  type ReplaceVolunteers,
  type ScheduleBuilt,
  type ScheduleGrouping,
  type ScheduleView,
  say,
  type VolunteersReplaced,
} from "@bridgework/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import type { EventRow } from "../../lib/events/event-access.ts";
import { loadScheduleInput, rescheduleWithoutVolunteers, saveInterviews } from "../../lib/events/schedule-store.ts";
import { manageScope, readScope, refuseIfFrozen } from "./event-scope.ts";
import { assignStations, groupSlots, scheduleSlots, shortWithNames } from "./schedule-rows.ts";

function refuseIfNotScheduled(event: EventRow) {
  if (!isScheduledEvent(event.kind))
    throw new Conflict("conflict", say("event-not-scheduled-kind"), { kind: event.kind });
  refuseIfFrozen(event);
}

/**
 * Builds (or rebuilds) the schedule from the event's students, schools' periods and confirmed
 * interviewers, with the event row locked so two builds (or a build and a sign-up change) never
 * interleave. Interviews that stay the same keep their scores. Answers the totals and every
 * student short of their interviews, with the reason.
 */
export async function buildSchedule({ ctx, id }: { ctx: Ctx; id: string }): Promise<ScheduleBuilt> {
  return ctx.db.transaction(async (tx) => {
    const event = await manageScope(tx, ctx.actor, id, true);
    refuseIfNotScheduled(event);
    const input = await loadScheduleInput(tx, id);
    const schedule = buildInterviewSchedule(input);
    await saveInterviews(tx, id, schedule.interviews);
    const interviewers = await assignStations(tx, id, true);
    const builtAt = ctx.clock.now();
    await tx.update(events).set({ scheduleBuiltAt: builtAt, updatedAt: builtAt }).where(eq(events.id, id));
    const short = await shortWithNames(tx, schedule.short);
    await audit(tx, ctx.actor, "build_schedule", "event", id, {
      interviews: schedule.interviews.length,
      students: input.students.length,
      short: short.length,
    });
    return {
      interviews: schedule.interviews.length,
      students: input.students.length,
      fullyScheduled: input.students.length - schedule.short.length,
      interviewsPerStudent: event.interviewsPerStudent,
      interviewers,
      short,
      scheduleBuiltAt: builtAt.toISOString(),
    };
  });
}

/** The built schedule grouped per student, interviewer or station (a teacher: their school's students only). */
export async function getSchedule({
  ctx,
  id,
  by,
}: {
  ctx: Ctx;
  id: string;
  by: ScheduleGrouping;
}): Promise<ScheduleView> {
  const scope = await readScope(ctx.db, ctx.actor, id);
  const slots = await scheduleSlots(ctx.db, id, scope.schoolId);
  if (slots.length > 0) await audit(ctx.db, ctx.actor, "read", "event_schedule", id, { by, slots: slots.length });
  return {
    by,
    scheduleBuiltAt: scope.event.scheduleBuiltAt?.toISOString() ?? null,
    interviewsPerStudent: scope.event.interviewsPerStudent,
    groups: groupSlots(slots, by),
  };
}

/**
 * Volunteers who cancelled or did not come: only their slots move, to interviewers with free
 * capacity in the same slots; every other interview stays as it was (same row, same scores).
 */
export async function replaceVolunteers({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: ReplaceVolunteers;
}): Promise<VolunteersReplaced> {
  return ctx.db.transaction(async (tx) => {
    const event = await manageScope(tx, ctx.actor, id, true);
    refuseIfNotScheduled(event);
    const found = await tx
      .select({ id: eventVolunteers.id, status: eventVolunteers.status, scheduled: eventRoles.scheduled })
      .from(eventVolunteers)
      .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
      .where(and(eq(eventVolunteers.eventId, id), inArray(eventVolunteers.id, input.volunteerIds)));
    if (found.length < input.volunteerIds.length) throw new NotFound("volunteer");
    if (found.some((v) => !v.scheduled))
      throw new RuleViolation("rule-violation", say("event-volunteer-not-scheduled"), {}, [
        { path: "volunteerIds", text: say("event-volunteer-not-scheduled") },
      ]);
    const before = await countInterviews(tx, id);
    const result = await rescheduleWithoutVolunteers(tx, id, input.volunteerIds);
    await assignStations(tx, id, false);
    const after = await countInterviews(tx, id);
    const short = await shortWithNames(tx, result.short);
    await audit(tx, ctx.actor, "replace_volunteers", "event", id, {
      volunteerIds: input.volunteerIds,
      moved: result.moved - (before - after),
      lost: before - after,
    });
    // The store counts the slots the volunteers had; those not given to someone else are lost.
    return { moved: result.moved - (before - after), lost: before - after, short };
  });
}

async function countInterviews(db: DbOrTx, id: string) {
  const [row] = await db.select({ n: count() }).from(eventInterviews).where(eq(eventInterviews.eventId, id));
  return row?.n ?? 0;
}
