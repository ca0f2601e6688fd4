import { type DbOrTx, eventSchools, events } from "@bridgework/db";
import { NotFound, type PersonActor } from "@bridgework/domain";
import { and, eq, exists, isNull, or, type SQL, sql } from "drizzle-orm";

export type EventRow = typeof events.$inferSelect;

/**
 * Who runs an event: the intermediary any event of the region, a coordinator their district's.
 * Everything that changes an event, its roles, volunteers, students or schedule asks this.
 */
export function managedEvents(actor: PersonActor): SQL {
  const region = eq(events.regionId, actor.regionId);
  switch (actor.role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, eq(events.districtId, actor.organizationId))!;
    default:
      return sql`false`;
  }
}

/**
 * Who may read an event: those who run it, coordinators also the region-wide ones, and teachers
 * the events their school takes part in. Employers take part as volunteers, through their links.
 */
export function visibleEvents(actor: PersonActor): SQL {
  const region = eq(events.regionId, actor.regionId);
  const schoolTakesPart = (schoolId: string) =>
    exists(
      sql`(SELECT 1 FROM ${eventSchools} WHERE ${eventSchools.eventId} = ${events.id} AND ${eventSchools.schoolId} = ${schoolId})`,
    );
  switch (actor.role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, or(eq(events.districtId, actor.organizationId), isNull(events.districtId)))!;
    case "teacher":
      return and(region, schoolTakesPart(actor.organizationId))!;
    case "employer":
      return sql`false`;
  }
}

/** The event if `actor` runs it, locked `FOR UPDATE` when `lock`; 404 otherwise (missing and not-yours look the same). */
export async function findManagedEvent(db: DbOrTx, actor: PersonActor, id: string, lock = false): Promise<EventRow> {
  const query = db
    .select()
    .from(events)
    .where(and(eq(events.id, id), managedEvents(actor)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFound("event");
  return row;
}

/** The event if `actor` may read it; 404 otherwise. */
export async function findVisibleEvent(db: DbOrTx, actor: PersonActor, id: string): Promise<EventRow> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.id, id), visibleEvents(actor)));
  if (!row) throw new NotFound("event");
  return row;
}
