import {
  type DbOrTx,
  type eventRoles,
  eventVolunteers,
  type events,
  hashLinkToken,
  newLinkToken,
  type Tx,
} from "@bridgework/db";
import { queueEmail } from "@bridgework/jobs";
import {
  type Language,
  type VolunteerShift,
  volunteerConfirmedMessage,
  volunteerLinks,
  volunteerWaitlistedMessage,
} from "@bridgework/notifications";
import { and, asc, count, eq, lt, or, sql } from "drizzle-orm";

type VolunteerRow = typeof eventVolunteers.$inferSelect;
type RoleRow = typeof eventRoles.$inferSelect;
type EventRow = typeof events.$inferSelect;

/** A volunteer's two links: their schedule page and the cancel page. Only the hashes are stored. */
export function newVolunteerTokens() {
  const schedule = newLinkToken();
  const cancel = newLinkToken();
  return {
    schedule,
    cancel,
    hashes: { scheduleTokenHash: hashLinkToken(schedule), cancelTokenHash: hashLinkToken(cancel) },
  };
}

/** Fresh links for a volunteer (the old ones stop working): an email can only carry a link we still know. */
export async function reissueVolunteerTokens(tx: Tx, volunteerId: string, now: Date) {
  const tokens = newVolunteerTokens();
  await tx
    .update(eventVolunteers)
    .set({ ...tokens.hashes, updatedAt: now })
    .where(eq(eventVolunteers.id, volunteerId));
  return tokens;
}

export function shiftOf(v: VolunteerRow, role: RoleRow, event: EventRow): VolunteerShift {
  return {
    volunteerId: v.id,
    event: event.title,
    role: role.name,
    startsAt: role.startsAt,
    endsAt: role.endsAt,
    location: event.location,
    virtualUrl: event.virtualUrl,
    bring: role.bring,
    badgeCode: v.badgeCode,
  };
}

/** Their place on the role's waiting list: 1 + those who signed up before them and still wait. */
export async function waitlistPosition(db: DbOrTx, v: VolunteerRow): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(eventVolunteers)
    .where(
      and(
        eq(eventVolunteers.roleId, v.roleId),
        eq(eventVolunteers.status, "waitlisted"),
        or(
          lt(eventVolunteers.createdAt, v.createdAt),
          and(eq(eventVolunteers.createdAt, v.createdAt), sql`${eventVolunteers.id} < ${v.id}`),
        ),
      ),
    );
  return (row?.n ?? 0) + 1;
}

interface MailFacts {
  volunteer: VolunteerRow;
  role: RoleRow;
  event: EventRow;
  timeZone: string;
  publicUrl: string;
  tokens: { schedule: string; cancel: string };
  now: Date;
}

const recipientOf = (v: VolunteerRow) => ({ name: v.name, email: v.email, language: v.language as Language });

/** The confirmation with the shift as .ics (at sign-up, or on moving up from the waiting list). */
export async function queueConfirmation(tx: Tx, f: MailFacts & { movedUp: boolean }): Promise<void> {
  const links = volunteerLinks(f.publicUrl);
  const message = await volunteerConfirmedMessage({
    recipient: recipientOf(f.volunteer),
    timeZone: f.timeZone,
    shift: shiftOf(f.volunteer, f.role, f.event),
    scheduleLink: links.schedule(f.tokens.schedule),
    cancelLink: links.cancel(f.tokens.cancel),
    movedUp: f.movedUp,
    now: f.now,
  });
  await queueEmail(tx, {
    dedupeKey: `event-volunteer-confirmed:${f.volunteer.id}`,
    regionId: f.event.regionId,
    to: f.volunteer.email,
    ...message,
  });
}

/** "You are on the waiting list, number N" (no .ics: there is no place yet). */
export async function queueWaitlisted(tx: Tx, f: MailFacts & { position: number }): Promise<void> {
  const message = await volunteerWaitlistedMessage({
    recipient: recipientOf(f.volunteer),
    timeZone: f.timeZone,
    shift: shiftOf(f.volunteer, f.role, f.event),
    position: f.position,
    cancelLink: volunteerLinks(f.publicUrl).cancel(f.tokens.cancel),
  });
  await queueEmail(tx, {
    dedupeKey: `event-volunteer-waitlisted:${f.volunteer.id}`,
    regionId: f.event.regionId,
    to: f.volunteer.email,
    ...message,
  });
}

/** The first waiting volunteer of a role (first come, first served), locked; null when nobody waits. */
export async function firstWaiting(tx: Tx, roleId: string): Promise<VolunteerRow | null> {
  const [row] = await tx
    .select()
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.roleId, roleId), eq(eventVolunteers.status, "waitlisted")))
    .orderBy(asc(eventVolunteers.createdAt), asc(eventVolunteers.id))
    .limit(1)
    .for("update");
  return row ?? null;
}

/**
 * A confirmed place was given up (cancelled by its volunteer's link or by the people running the
 * event): the first person waiting for the shift gets it, with fresh links and the confirmation
 * email (.ics included). Call with the role row locked. Returns who moved up, or null.
 */
export async function moveUpFirstWaiting(
  tx: Tx,
  f: Omit<MailFacts, "volunteer" | "tokens">,
): Promise<VolunteerRow | null> {
  const next = await firstWaiting(tx, f.role.id);
  if (!next) return null;
  await tx
    .update(eventVolunteers)
    .set({ status: "confirmed", updatedAt: f.now })
    .where(eq(eventVolunteers.id, next.id));
  const tokens = await reissueVolunteerTokens(tx, next.id, f.now);
  await queueConfirmation(tx, { ...f, volunteer: next, tokens, movedUp: true });
  return next;
}
