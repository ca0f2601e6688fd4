import { events } from "@bridgework/db";
import {
  EVENT_MACHINE,
  type Event,
  type EventAction,
  type EventPatch,
  isScheduledEvent,
  requireRole,
  say,
  transition,
  ValidationFailed,
} from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";
import { replaceSchools, rubricFor } from "./create-event.ts";
import { requireEditable } from "./event-problems.ts";
import { checkSchoolsAndPathways } from "./event-scope.ts";
import { eventView } from "./event-view.ts";

/**
 * Changes the fields the caller sent (`sent`: the body's own keys, since the shared patch schema
 * fills defaults in). Only before the day is held; the times must still end after they start.
 */
export async function updateEvent({
  ctx,
  id,
  input,
  sent,
}: {
  ctx: Ctx;
  id: string;
  input: EventPatch;
  sent: ReadonlySet<string>;
}): Promise<Event> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, id, true);
    requireEditable(event.status);
    const has = (key: keyof EventPatch) => sent.has(key) && input[key] !== undefined;
    const kind = has("kind") ? input.kind! : event.kind;
    const startsAt = has("startsAt") ? new Date(input.startsAt!) : event.startsAt;
    const endsAt = has("endsAt") ? new Date(input.endsAt!) : event.endsAt;
    if (endsAt <= startsAt) throw new ValidationFailed([{ path: "endsAt", text: say("invalid-value") }]);
    const schools = has("schools") ? input.schools! : null;
    const pathwayIds = has("pathwayIds") ? input.pathwayIds! : event.pathwayIds;
    if (schools || has("pathwayIds")) {
      const schoolIds = schools
        ? schools.map((s) => s.schoolId)
        : (await eventView(tx, actor, event)).schools.map((s) => s.schoolId);
      await checkSchoolsAndPathways(tx, actor, schoolIds, pathwayIds);
    }
    const rubricSent = has("rubric") || (has("kind") && isScheduledEvent(kind) && !event.rubric);
    const rubric = rubricSent
      ? await rubricFor(tx, actor, kind, has("rubric") ? (input.rubric ?? null) : null)
      : event.rubric;
    const [updated] = await tx
      .update(events)
      .set({
        kind,
        title: has("title") ? input.title! : event.title,
        description: has("description") ? input.description! : event.description,
        startsAt,
        endsAt,
        location: has("location") ? input.location || null : event.location,
        virtualUrl: has("virtualUrl") ? (input.virtualUrl ?? null) : event.virtualUrl,
        pathwayIds,
        interviewsPerStudent: has("interviewsPerStudent") ? input.interviewsPerStudent! : event.interviewsPerStudent,
        slotMinutes: has("slotMinutes") ? input.slotMinutes! : event.slotMinutes,
        rubric: isScheduledEvent(kind) || has("rubric") ? rubric : null,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(events.id, event.id))
      .returning();
    if (schools) await replaceSchools(tx, event.id, schools);
    await audit(tx, actor, "update", "event", event.id, { fields: [...sent].sort() });
    return eventView(tx, actor, updated!);
  });
}

/**
 * Moves the event along draft → open → closed → held → archived (EVENT_MACHINE); an illegal move
 * is 409 invalid-transition. Marking it held only sets the status and time: reports and
 * thank-you emails react to that elsewhere.
 */
export async function transitionEvent({
  ctx,
  id,
  action,
}: {
  ctx: Ctx;
  id: string;
  action: EventAction;
}): Promise<Event> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const result = await ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, id, true);
    const to = transition("event", EVENT_MACHINE, event.status, action);
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(events)
      .set({ status: to, updatedAt: now, ...(to === "held" ? { heldAt: now } : {}) })
      .where(eq(events.id, event.id))
      .returning();
    await audit(tx, actor, action, "event", event.id, { from: event.status, to });
    return eventView(tx, actor, updated!);
  });
  ctx.kick();
  return result;
}
