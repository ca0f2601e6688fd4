import { randomInt } from "node:crypto";
import { auditLog, eventRoles, eventVolunteers, events, type Tx } from "@bridgework/db";
import {
  Conflict,
  NotFound,
  RateLimited,
  say,
  VOLUNTEER_EMAIL_LIMIT,
  VOLUNTEER_IP_LIMIT,
  type VolunteerSignUpInput,
  type VolunteerSignUpResult,
  volunteerBadgeCode,
} from "@bridgework/domain";
import { and, count, eq, gt, isNull, max, min, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { regionOfSlug } from "./public-events.ts";
import { volunteerCompany } from "./volunteer-company.ts";
import {
  newVolunteerTokens,
  queueConfirmation,
  queueWaitlisted,
  waitlistPosition,
} from "../../lib/events/volunteer-mail.ts";

const SIGNED_UP = "event_volunteer_signed_up";

/**
 * A professional signs up on the public page for one role's shift. A filled honeypot answers as
 * a confirmed sign-up and stores nothing. Within the per-address and per-email limits (429 with
 * Retry-After past them), the role row is locked `FOR UPDATE` and its confirmed volunteers
 * counted: a place left → `confirmed`, full → `waitlisted` with their position. Concurrent
 * sign-ups for one role queue on that lock, so confirmed never exceeds `needed`. The same email
 * live on the role → 409. The company is linked or becomes a lead (volunteer-company.ts); the
 * volunteer is emailed in their language (confirmation with .ics, or the waiting-list notice).
 */
export async function signUpVolunteer(
  ctx: Omit<Ctx, "actor">,
  input: { slug: string; eventId: string; body: VolunteerSignUpInput; ip: string },
): Promise<VolunteerSignUpResult> {
  const region = await regionOfSlug(ctx.db, input.slug);
  const { body } = input;
  if (body.faxNumber.trim() !== "") {
    ctx.log.info({ region: region.slug }, "event sign-up honeypot filled: sign-up dropped");
    return { status: "confirmed" };
  }
  const now = ctx.clock.now();
  const email = body.email.toLowerCase();
  const result = await ctx.db.transaction(async (tx) => {
    for (const key of [`volunteer-email:${email}`, `volunteer-ip:${input.ip}`].sort())
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    await enforceLimits(tx, input.ip, email, now);

    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.id, input.eventId), eq(events.regionId, region.id), eq(events.status, "open")));
    if (!event) throw new NotFound("event");
    // The lock every sign-up and cancellation of this shift waits on: counting and inserting are one step.
    const [role] = await tx
      .select()
      .from(eventRoles)
      .where(and(eq(eventRoles.id, body.roleId), eq(eventRoles.eventId, event.id)))
      .for("update");
    if (!role) throw new NotFound("volunteer role");

    const [live] = await tx
      .select({ id: eventVolunteers.id })
      .from(eventVolunteers)
      .where(
        and(
          eq(eventVolunteers.roleId, role.id),
          eq(eventVolunteers.email, email),
          sql`${eventVolunteers.status} <> 'cancelled'`,
        ),
      );
    if (live) throw alreadySignedUp();
    const [latest] = await tx
      .select({ last: max(eventVolunteers.createdAt) })
      .from(eventVolunteers)
      .where(eq(eventVolunteers.roleId, role.id));
    const [confirmed] = await tx
      .select({ n: count() })
      .from(eventVolunteers)
      .where(and(eq(eventVolunteers.roleId, role.id), eq(eventVolunteers.status, "confirmed")));
    const status = (confirmed?.n ?? 0) < role.needed ? "confirmed" : "waitlisted";
    // The waiting list is first come, first served by `createdAt`: under the role's lock each
    // sign-up is stamped at least a millisecond after the one before, so no two tie.
    const signedUpAt = latest?.last && latest.last >= now ? new Date(latest.last.getTime() + 1) : now;

    const company = await volunteerCompany(tx, {
      regionId: region.id,
      details: body,
      email,
      event,
      ip: input.ip,
      now,
    });
    const tokens = newVolunteerTokens();
    const volunteer = await insertWithBadge(tx, {
      eventId: event.id,
      roleId: role.id,
      status,
      name: body.name,
      email,
      phone: body.phone || null,
      employerName: body.employerName,
      ...company,
      sectors: body.sectors,
      language: body.language,
      ...tokens.hashes,
      createdAt: signedUpAt,
      updatedAt: now,
    });
    await tx.insert(auditLog).values({
      regionId: region.id,
      actorUserId: null,
      action: SIGNED_UP,
      entity: "event_volunteer",
      entityId: volunteer.id,
      details: { ip: input.ip, eventId: event.id, roleId: role.id, status, lead: company.interestId !== null },
      at: now,
    });
    const mail = { volunteer, role, event, timeZone: region.timeZone, publicUrl: ctx.config.publicUrl, tokens, now };
    if (status === "confirmed") {
      await queueConfirmation(tx, { ...mail, movedUp: false });
      return { status } as const;
    }
    const position = await waitlistPosition(tx, volunteer);
    await queueWaitlisted(tx, { ...mail, position });
    return { status, position } as const;
  });
  ctx.kick();
  return result;
}

const alreadySignedUp = () => new Conflict("duplicate", say("volunteer-already-signed-up"));

type NewVolunteer = Omit<typeof eventVolunteers.$inferInsert, "badgeCode">;

/** Inserts with a fresh badge code, drawing again (in a savepoint) when the event already has it. */
async function insertWithBadge(tx: Tx, values: NewVolunteer) {
  for (let attempt = 0; ; attempt++) {
    const badgeCode = volunteerBadgeCode(randomInt);
    try {
      const [row] = await tx.transaction((sp) =>
        sp
          .insert(eventVolunteers)
          .values({ ...values, badgeCode })
          .returning(),
      );
      return row!;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The only other unique key a live sign-up can hit is one person twice on a shift.
      const constraint = (error as { constraint?: string; cause?: { constraint?: string } }).cause?.constraint;
      if (constraint === "event_volunteers_one_live_signup") throw alreadySignedUp();
      if (attempt >= 8) throw error;
    }
  }
}

/** 429 past VOLUNTEER_IP_LIMIT sign-ups an hour from one address or VOLUNTEER_EMAIL_LIMIT a day for one email. */
async function enforceLimits(tx: Tx, ip: string, email: string, now: Date) {
  const ipSince = new Date(now.getTime() - VOLUNTEER_IP_LIMIT.windowMs);
  const [byIp] = await tx
    .select({ n: count(), oldest: min(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, SIGNED_UP), sql`${auditLog.details}->>'ip' = ${ip}`, gt(auditLog.at, ipSince)));
  refuseOver(byIp, VOLUNTEER_IP_LIMIT, now);
  const emailSince = new Date(now.getTime() - VOLUNTEER_EMAIL_LIMIT.windowMs);
  const [byEmail] = await tx
    .select({ n: count(), oldest: min(eventVolunteers.createdAt) })
    .from(eventVolunteers)
    .where(
      and(eq(eventVolunteers.email, email), isNull(eventVolunteers.addedBy), gt(eventVolunteers.createdAt, emailSince)),
    );
  refuseOver(byEmail, VOLUNTEER_EMAIL_LIMIT, now);
}

function refuseOver(
  row: { n: number; oldest: Date | null } | undefined,
  limit: { requests: number; windowMs: number },
  now: Date,
) {
  if (row && row.n >= limit.requests && row.oldest) {
    const retryMs = row.oldest.getTime() + limit.windowMs - now.getTime();
    throw new RateLimited(Math.max(1, Math.ceil(retryMs / 1000)));
  }
}
