import {
  type DbOrTx,
  eventRoles,
  eventSchools,
  eventStudents,
  eventVolunteers,
  organizations,
  pathways,
  regions,
} from "@bridgework/db";
import type { Event, EventRole, PersonActor } from "@bridgework/domain";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import type { EventRow } from "../../lib/events/event-access.ts";

/** Whether `actor` runs this event (the intermediary any of the region, a coordinator their district's). */
export function canManage(actor: PersonActor, event: EventRow): boolean {
  if (event.regionId !== actor.regionId) return false;
  if (actor.role === "intermediary") return true;
  return actor.role === "coordinator" && event.districtId === actor.organizationId;
}

/** The public sign-up page of the event. */
export function signUpPath(regionSlug: string, eventId: string): string {
  return `/r/${regionSlug}/events/${eventId}`;
}

/** Confirmed and waiting volunteers per role of the events given. */
export async function fillCounts(db: DbOrTx, eventIds: readonly string[]) {
  if (eventIds.length === 0) return new Map<string, { filled: number; waitlisted: number }>();
  const rows = await db
    .select({ roleId: eventVolunteers.roleId, status: eventVolunteers.status, n: count() })
    .from(eventVolunteers)
    .where(and(inArray(eventVolunteers.eventId, [...eventIds]), ne(eventVolunteers.status, "cancelled")))
    .groupBy(eventVolunteers.roleId, eventVolunteers.status);
  const byRole = new Map<string, { filled: number; waitlisted: number }>();
  for (const r of rows) {
    const c = byRole.get(r.roleId) ?? { filled: 0, waitlisted: 0 };
    if (r.status === "confirmed") c.filled = r.n;
    else c.waitlisted = r.n;
    byRole.set(r.roleId, c);
  }
  return byRole;
}

export function toRole(
  row: typeof eventRoles.$inferSelect,
  counts?: { filled: number; waitlisted: number },
): EventRole {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    bring: row.bring,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    needed: row.needed,
    breaks: row.breaks,
    scheduled: row.scheduled,
    filled: counts?.filled ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
  };
}

/** The whole event as its readers see it. */
export async function eventView(db: DbOrTx, actor: PersonActor, event: EventRow): Promise<Event> {
  const [roles, counts, schools, paths, [students], [region], district] = await Promise.all([
    db
      .select()
      .from(eventRoles)
      .where(eq(eventRoles.eventId, event.id))
      .orderBy(asc(eventRoles.position), asc(eventRoles.startsAt), asc(eventRoles.createdAt)),
    fillCounts(db, [event.id]),
    db
      .select({
        schoolId: eventSchools.schoolId,
        schoolName: organizations.name,
        arrivesAt: eventSchools.arrivesAt,
        leavesAt: eventSchools.leavesAt,
      })
      .from(eventSchools)
      .innerJoin(organizations, eq(organizations.id, eventSchools.schoolId))
      .where(eq(eventSchools.eventId, event.id))
      .orderBy(asc(organizations.name)),
    event.pathwayIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: pathways.id, name: pathways.name, sector: pathways.sector, schoolName: organizations.name })
          .from(pathways)
          .innerJoin(organizations, eq(organizations.id, pathways.schoolId))
          .where(inArray(pathways.id, event.pathwayIds))
          .orderBy(asc(organizations.name), asc(pathways.name)),
    db.select({ n: count() }).from(eventStudents).where(eq(eventStudents.eventId, event.id)),
    db.select({ slug: regions.slug }).from(regions).where(eq(regions.id, event.regionId)),
    event.districtId
      ? db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, event.districtId))
      : Promise.resolve([]),
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: event.id,
    kind: event.kind,
    status: event.status,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    location: event.location,
    virtualUrl: event.virtualUrl,
    districtId: event.districtId,
    districtName: district[0]?.name ?? null,
    schools: schools.map((s) => ({ ...s, arrivesAt: iso(s.arrivesAt), leavesAt: iso(s.leavesAt) })),
    pathways: paths,
    interviewsPerStudent: event.interviewsPerStudent,
    slotMinutes: event.slotMinutes,
    rubric: event.rubric,
    roles: roles.map((r) => toRole(r, counts.get(r.id))),
    canManage: canManage(actor, event),
    signUpPath: signUpPath(region!.slug, event.id),
    studentCount: students?.n ?? 0,
    scheduleBuiltAt: iso(event.scheduleBuiltAt),
    heldAt: iso(event.heldAt),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}
