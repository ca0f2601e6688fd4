import { eventRoles, eventStudents, events, organizations } from "@bridgework/db";
import { EVENT_KINDS, EVENT_STATUSES, type Event, type EventSummary, PageQuery, requireRole } from "@bridgework/domain";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleEvent, visibleEvents } from "../../lib/events/event-access.ts";
import { canManage, eventView, fillCounts } from "./event-view.ts";

export const EventListQuery = PageQuery.extend({
  status: z.enum(EVENT_STATUSES).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  /** `true`: only events not yet over. */
  upcoming: z.enum(["true", "false"]).optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

const READERS = ["coordinator", "intermediary", "teacher"] as const;

/** The events the caller may read, soonest first, with volunteers filled/needed and students. */
export async function listEvents({ ctx, input }: { ctx: Ctx; input: EventListQuery }) {
  requireRole(ctx.actor, READERS);
  const actor = ctx.actor;
  const where = and(
    visibleEvents(actor),
    input.status ? eq(events.status, input.status) : undefined,
    input.kind ? eq(events.kind, input.kind) : undefined,
    input.upcoming === "true" ? gte(events.endsAt, ctx.clock.now()) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ event: events, districtName: organizations.name })
      .from(events)
      .leftJoin(organizations, eq(organizations.id, events.districtId))
      .where(where)
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(events).where(where),
  ]);
  const ids = rows.map((r) => r.event.id);
  const [roles, counts, students] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ eventId: eventRoles.eventId, id: eventRoles.id, needed: eventRoles.needed })
          .from(eventRoles)
          .where(inArray(eventRoles.eventId, ids)),
    fillCounts(ctx.db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : ctx.db
          .select({ eventId: eventStudents.eventId, n: sql<number>`count(*)::int` })
          .from(eventStudents)
          .where(inArray(eventStudents.eventId, ids))
          .groupBy(eventStudents.eventId),
  ]);
  const studentsOf = new Map(students.map((s) => [s.eventId, s.n]));
  const items: EventSummary[] = rows.map(({ event, districtName }) => {
    const own = roles.filter((r) => r.eventId === event.id);
    return {
      id: event.id,
      kind: event.kind,
      status: event.status,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      location: event.location,
      districtId: event.districtId,
      districtName: event.districtId ? districtName : null,
      canManage: canManage(actor, event),
      studentCount: studentsOf.get(event.id) ?? 0,
      needed: own.reduce((sum, r) => sum + r.needed, 0),
      filled: own.reduce((sum, r) => sum + (counts.get(r.id)?.filled ?? 0), 0),
    };
  });
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** One event the caller may read (404 otherwise). */
export async function getEvent({ ctx, id }: { ctx: Ctx; id: string }): Promise<Event> {
  requireRole(ctx.actor, READERS);
  const event = await findVisibleEvent(ctx.db, ctx.actor, id);
  return eventView(ctx.db, ctx.actor, event);
}
