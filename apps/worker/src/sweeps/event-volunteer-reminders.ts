import {
  type Db,
  DAY_MS,
  emails,
  eventRoles,
  eventVolunteers,
  events,
  hashLinkToken,
  newLinkToken,
  regions,
} from "@bridgework/db";
import { VOLUNTEER_REMINDER_DAYS } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { type Language, volunteerLinks, volunteerReminderMessage } from "@bridgework/notifications";
import { and, asc, eq, gt, inArray, lte, notExists, sql } from "drizzle-orm";
import type { Sweep } from "../sweeps.ts";

/** Volunteers looked at per run and reminder; the next run takes the rest (sent ones drop out). */
const LIMIT = 500;

export const volunteerReminderKey = (volunteerId: string, days: number) => `event-reminder:${volunteerId}:${days}d`;

/**
 * Confirmed volunteers of open or closed events are reminded 7 days and 1 day before their
 * shift, once each (`event-reminder:<volunteer>:7d` / `:1d`). Someone who signs up within the
 * last day gets only the 1-day one. Only the links' hashes are stored, so each reminder issues
 * fresh schedule and cancel links and replaces the hashes (the older emails' links stop
 * working; the newest email always works). Each volunteer in its own transaction, their row
 * locked and the email re-checked, so concurrent runs send one email and keep its links valid.
 */
export function eventVolunteerReminders({ publicUrl }: { publicUrl: string }): Sweep {
  return async ({ db, now }) => {
    let written = 0;
    // Due soonest first: the 1-day reminder before the 7-day one, so a late sign-up gets only the 1-day one.
    for (const days of [...VOLUNTEER_REMINDER_DAYS].sort((a, b) => a - b)) {
      const due = await dueVolunteers(db, now, days);
      for (const id of due) if (await remind(db, id, days as 7 | 1, now, publicUrl)) written++;
    }
    return written;
  };
}

async function dueVolunteers(db: Db, now: Date, days: number): Promise<string[]> {
  const rows = await db
    .select({ id: eventVolunteers.id })
    .from(eventVolunteers)
    .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
    .innerJoin(events, eq(events.id, eventVolunteers.eventId))
    .where(
      and(
        eq(eventVolunteers.status, "confirmed"),
        inArray(events.status, ["open", "closed"]),
        gt(eventRoles.startsAt, now),
        lte(eventRoles.startsAt, new Date(now.getTime() + days * DAY_MS)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(emails)
            .where(
              sql`${emails.dedupeKey} IN (${sql.join(
                VOLUNTEER_REMINDER_DAYS.filter((d) => d <= days).map(
                  (d) => sql`'event-reminder:' || ${eventVolunteers.id} || ${`:${d}d`}`,
                ),
                sql`, `,
              )})`,
            ),
        ),
      ),
    )
    .orderBy(asc(eventRoles.startsAt), asc(eventVolunteers.id))
    .limit(LIMIT);
  return rows.map((r) => r.id);
}

async function remind(db: Db, volunteerId: string, days: 7 | 1, now: Date, publicUrl: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ volunteer: eventVolunteers, role: eventRoles, event: events, timeZone: regions.timeZone })
      .from(eventVolunteers)
      .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
      .innerJoin(events, eq(events.id, eventVolunteers.eventId))
      .innerJoin(regions, eq(regions.id, events.regionId))
      .where(and(eq(eventVolunteers.id, volunteerId), eq(eventVolunteers.status, "confirmed")))
      .for("update", { of: eventVolunteers });
    if (!row) return false;
    const keys = VOLUNTEER_REMINDER_DAYS.filter((d) => d <= days).map((d) => volunteerReminderKey(volunteerId, d));
    const [sent] = await tx.select({ id: emails.id }).from(emails).where(inArray(emails.dedupeKey, keys)).limit(1);
    if (sent) return false;
    const schedule = newLinkToken();
    const cancel = newLinkToken();
    await tx
      .update(eventVolunteers)
      .set({ scheduleTokenHash: hashLinkToken(schedule), cancelTokenHash: hashLinkToken(cancel), updatedAt: now })
      .where(eq(eventVolunteers.id, volunteerId));
    const { volunteer: v, role, event } = row;
    const links = volunteerLinks(publicUrl);
    const message = await volunteerReminderMessage({
      recipient: { name: v.name, email: v.email, language: v.language as Language },
      timeZone: row.timeZone,
      shift: {
        volunteerId: v.id,
        event: event.title,
        role: role.name,
        startsAt: role.startsAt,
        endsAt: role.endsAt,
        location: event.location,
        virtualUrl: event.virtualUrl,
        bring: role.bring,
        badgeCode: v.badgeCode,
      },
      days,
      scheduleLink: links.schedule(schedule),
      cancelLink: links.cancel(cancel),
    });
    const id = await queueEmail(tx, {
      dedupeKey: volunteerReminderKey(volunteerId, days),
      regionId: event.regionId,
      to: v.email,
      ...message,
    });
    return id !== null;
  });
}
