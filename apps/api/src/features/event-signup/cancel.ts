import {
  auditLog,
  type DbOrTx,
  eventRoles,
  eventVolunteers,
  events,
  hashLinkToken,
  regions,
  users,
} from "@bridgework/db";
import { LinkExpired, NotFound, say, type VolunteerCancelResult, type VolunteerCancelView } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { type Language, volunteerCancelledMessage } from "@bridgework/notifications";
import { and, count, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { rescheduleWithoutVolunteers } from "../../lib/events/schedule-store.ts";
import { moveUpFirstWaiting } from "../../lib/events/volunteer-mail.ts";

/** Events whose volunteers may still cancel by link (after the day, there is nothing to cancel). */
const CANCELLABLE = new Set(["open", "closed"]);

async function findByToken(db: DbOrTx, token: string) {
  const [found] = await db
    .select({
      volunteer: eventVolunteers,
      role: eventRoles,
      event: events,
      region: { slug: regions.slug, name: regions.name, timeZone: regions.timeZone },
    })
    .from(eventVolunteers)
    .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
    .innerJoin(events, eq(events.id, eventVolunteers.eventId))
    .innerJoin(regions, eq(regions.id, events.regionId))
    .where(eq(eventVolunteers.cancelTokenHash, hashLinkToken(token)));
  if (!found) throw new NotFound("volunteer");
  return found;
}

type Found = Awaited<ReturnType<typeof findByToken>>;

function view(f: Found): VolunteerCancelView {
  return {
    status: f.volunteer.status,
    name: f.volunteer.name,
    region: f.region,
    event: {
      title: f.event.title,
      startsAt: f.event.startsAt.toISOString(),
      endsAt: f.event.endsAt.toISOString(),
      location: f.event.location,
    },
    role: { name: f.role.name, startsAt: f.role.startsAt.toISOString(), endsAt: f.role.endsAt.toISOString() },
  };
}

/** What the cancel link would cancel, without cancelling (mail scanners open links). Unknown token → 404. */
export async function describeCancellation(ctx: Omit<Ctx, "actor">, token: string): Promise<VolunteerCancelView> {
  return view(await findByToken(ctx.db, token));
}

/**
 * The volunteer cancels by their emailed link. In one transaction, with the role row locked like
 * a sign-up: the row becomes `cancelled`; a confirmed volunteer's interviews move to others
 * (when the schedule is built) and the first waiting volunteer of the shift moves up, with fresh
 * links and the confirmation (.ics); whoever created the event is told in their language. A
 * second use answers `already-cancelled`. Audited with no actor.
 */
export async function cancelVolunteer(ctx: Omit<Ctx, "actor">, token: string): Promise<VolunteerCancelResult> {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    const first = await findByToken(tx, token);
    if (first.volunteer.status === "cancelled") return { ...view(first), result: "already-cancelled" as const };
    if (!CANCELLABLE.has(first.event.status)) throw new LinkExpired(say("event-not-open"));
    // The event row first (the schedule's lock), then the shift's: the same order as the people running it.
    await tx.select({ id: events.id }).from(events).where(eq(events.id, first.event.id)).for("update");
    await tx.select({ id: eventRoles.id }).from(eventRoles).where(eq(eventRoles.id, first.role.id)).for("update");
    const f = await findByToken(tx, token);
    if (f.volunteer.status === "cancelled") return { ...view(f), result: "already-cancelled" as const };
    const wasConfirmed = f.volunteer.status === "confirmed";

    await tx
      .update(eventVolunteers)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(eventVolunteers.id, f.volunteer.id));
    let movedUp: typeof f.volunteer | null = null;
    if (wasConfirmed) {
      movedUp = await moveUpFirstWaiting(tx, {
        role: f.role,
        event: f.event,
        timeZone: f.region.timeZone,
        publicUrl: ctx.config.publicUrl,
        now,
      });
      // The one who moved up takes part in the schedule from the next build; the one who left leaves it now.
      if (f.event.scheduleBuiltAt && f.role.scheduled)
        await rescheduleWithoutVolunteers(tx, f.event.id, [f.volunteer.id]);
    }
    const [filled] = await tx
      .select({ n: count() })
      .from(eventVolunteers)
      .where(and(eq(eventVolunteers.roleId, f.role.id), eq(eventVolunteers.status, "confirmed")));
    const [creator] = await tx
      .select({ name: users.name, email: users.email, language: users.language })
      .from(users)
      .where(eq(users.id, f.event.createdBy));
    if (creator) {
      const message = await volunteerCancelledMessage({
        recipient: { name: creator.name, email: creator.email, language: creator.language as Language },
        timeZone: f.region.timeZone,
        event: f.event.title,
        role: f.role.name,
        startsAt: f.role.startsAt,
        cancelled: { name: f.volunteer.name, employer: f.volunteer.employerName, wasWaitlisted: !wasConfirmed },
        movedUp: movedUp ? { name: movedUp.name, employer: movedUp.employerName } : null,
        open: Math.max(0, f.role.needed - (filled?.n ?? 0)),
        link: `${ctx.config.publicUrl.replace(/\/$/, "")}/events/${f.event.id}`,
      });
      await queueEmail(tx, {
        dedupeKey: `event-volunteer-cancelled:${f.volunteer.id}`,
        regionId: f.event.regionId,
        to: creator.email,
        ...message,
      });
    }
    await tx.insert(auditLog).values({
      regionId: f.event.regionId,
      actorUserId: null,
      action: "event_volunteer_cancelled",
      entity: "event_volunteer",
      entityId: f.volunteer.id,
      details: { eventId: f.event.id, roleId: f.role.id, movedUp: movedUp?.id ?? null },
      at: now,
    });
    return { ...view(f), status: "cancelled" as const, result: "cancelled" as const };
  });
  ctx.kick();
  return result;
}
