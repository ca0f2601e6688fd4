import type { DbOrTx } from "@bridgework/db";
import { Conflict, type EventStatus, type PersonActor, requireRole, say } from "@bridgework/domain";
import { type EventRow, findManagedEvent, findVisibleEvent } from "../../lib/events/event-access.ts";

/**
 * What a caller reads of an event's students and schedule: those who run the event everything,
 * a teacher of a taking-part school only their own school's students (`schoolId`).
 */
export interface EventScope {
  event: EventRow;
  /** Only this school's students; null = all. */
  schoolId: string | null;
  manages: boolean;
}

export async function readScope(db: DbOrTx, actor: PersonActor, eventId: string): Promise<EventScope> {
  requireRole(actor, ["intermediary", "coordinator", "teacher"]);
  if (actor.role === "teacher") {
    const event = await findVisibleEvent(db, actor, eventId);
    return { event, schoolId: actor.organizationId, manages: false };
  }
  return { event: await findManagedEvent(db, actor, eventId), schoolId: null, manages: true };
}

/** The event for a change by those who run it (locked when `lock`, to serialize changes to its students and schedule). */
export async function manageScope(db: DbOrTx, actor: PersonActor, eventId: string, lock = false): Promise<EventRow> {
  requireRole(actor, ["intermediary", "coordinator"]);
  return findManagedEvent(db, actor, eventId, lock);
}

const FROZEN: readonly EventStatus[] = ["held", "archived"];

/** After the day (held) or once archived, its students and schedule are a record: no change. */
export function refuseIfFrozen(event: EventRow) {
  if (FROZEN.includes(event.status))
    throw new Conflict("invalid-transition", say("event-schedule-frozen", { status: event.status }), {
      status: event.status,
    });
}
