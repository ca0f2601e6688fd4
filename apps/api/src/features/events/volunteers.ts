import { randomInt } from "node:crypto";
import { eventVolunteers, regions, type Tx, users } from "@bridgework/db";
import {
  Conflict,
  type EventVolunteer,
  InvalidTransition,
  NotFound,
  requireRole,
  say,
  VOLUNTEER_STATUSES,
  VolunteerDetails,
} from "@bridgework/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { isUniqueViolation } from "../../lib/db-errors.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";
import { rescheduleWithoutVolunteers } from "../../lib/events/schedule-store.ts";
import { moveUpFirstWaiting } from "../../lib/events/volunteer-mail.ts";
import { requireEditable, ShiftFull } from "./event-problems.ts";
import { confirmedCount, lockRole } from "./roles.ts";

export const VolunteerListQuery = z.object({
  roleId: z.uuid().optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
});
export const AddVolunteer = VolunteerDetails.extend({ roleId: z.uuid() });
export type AddVolunteer = z.infer<typeof AddVolunteer>;
export const VolunteerParams = z.object({ id: z.uuid(), volunteerId: z.uuid() });

type VolunteerRow = typeof eventVolunteers.$inferSelect;

export function toVolunteer(v: VolunteerRow): EventVolunteer {
  return {
    id: v.id,
    roleId: v.roleId,
    status: v.status,
    name: v.name,
    email: v.email,
    phone: v.phone,
    employerName: v.employerName,
    organizationId: v.organizationId,
    lead: v.interestId !== null,
    sectors: v.sectors,
    language: v.language,
    station: v.station,
    badgeCode: v.badgeCode,
    checkedInAt: v.checkedInAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

/** Letters and digits nobody misreads on a badge (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const BADGE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** "V-7K3P": short enough to read aloud at the door; unique within the event (retried on a clash). */
export function volunteerBadgeCode(): string {
  let code = "";
  for (let i = 0; i < 4; i++) code += BADGE_ALPHABET[randomInt(BADGE_ALPHABET.length)];
  return `V-${code}`;
}

/** An event's volunteers, in sign-up order, optionally one role's or one status's. */
export async function listVolunteers({
  ctx,
  eventId,
  input,
}: {
  ctx: Ctx;
  eventId: string;
  input: z.infer<typeof VolunteerListQuery>;
}): Promise<EventVolunteer[]> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  await findManagedEvent(ctx.db, ctx.actor, eventId);
  const rows = await ctx.db
    .select()
    .from(eventVolunteers)
    .where(
      and(
        eq(eventVolunteers.eventId, eventId),
        input.roleId ? eq(eventVolunteers.roleId, input.roleId) : undefined,
        input.status ? eq(eventVolunteers.status, input.status) : undefined,
      ),
    )
    .orderBy(asc(eventVolunteers.createdAt), asc(eventVolunteers.id));
  return rows.map(toVolunteer);
}

/**
 * A coordinator adds a volunteer directly, under the same seat rule as the public sign-up: the
 * role's row is locked, its confirmed volunteers counted, and a full shift refused (409
 * shift-full), so of parallel adds for the last place exactly one wins. A known employer contact
 * of the region (by email) is linked to their user and organization.
 */
export async function addVolunteer({
  ctx,
  eventId,
  input,
}: {
  ctx: Ctx;
  eventId: string;
  input: AddVolunteer;
}): Promise<EventVolunteer> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const email = input.email.trim().toLowerCase();
  const row = await ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    requireEditable(event.status);
    const role = await lockRole(tx, eventId, input.roleId);
    if ((await confirmedCount(tx, role.id)) >= role.needed) throw new ShiftFull(role.name, role.needed);
    const [contact] = await tx
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(
        and(sql`lower(${users.email}) = ${email}`, eq(users.role, "employer"), eq(users.regionId, actor.regionId)),
      );
    const inserted = await insertWithBadge(tx, {
      eventId,
      roleId: role.id,
      status: "confirmed",
      name: input.name,
      email,
      phone: input.phone || null,
      employerName: input.employerName,
      organizationId: contact?.organizationId ?? null,
      userId: contact?.id ?? null,
      sectors: input.sectors,
      language: input.language,
      addedBy: actor.userId,
    });
    await audit(tx, actor, "create", "event_volunteer", inserted.id, {
      eventId,
      roleId: role.id,
      known: Boolean(contact),
    });
    return inserted;
  });
  return toVolunteer(row);
}

type NewVolunteer = Omit<typeof eventVolunteers.$inferInsert, "badgeCode">;

/** Inserts with a fresh badge code, trying another on the rare clash (a savepoint keeps the transaction). */
async function insertWithBadge(tx: Tx, values: NewVolunteer): Promise<VolunteerRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .insert(eventVolunteers)
          .values({ ...values, badgeCode: volunteerBadgeCode() })
          .returning();
        return row!;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const constraint = constraintOf(error);
      if (constraint === "event_volunteers_one_live_signup")
        throw new Conflict("duplicate", say("event-volunteer-signed-up"), {}, [
          { path: "email", text: say("event-volunteer-signed-up") },
        ]);
      if (attempt >= 9) throw error;
    }
  }
}

function constraintOf(error: unknown): string | undefined {
  const e = error as { constraint?: string; cause?: { constraint?: string; constraint_name?: string } };
  return e?.cause?.constraint ?? e?.cause?.constraint_name ?? e?.constraint;
}

/**
 * The coordinator cancels a volunteer: their place goes to the first of the role's waiting list,
 * and a built schedule moves only the slots they had.
 */
export async function cancelVolunteer({
  ctx,
  eventId,
  volunteerId,
}: {
  ctx: Ctx;
  eventId: string;
  volunteerId: string;
}): Promise<EventVolunteer> {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId, true);
    requireEditable(event.status);
    const [volunteer] = await tx
      .select()
      .from(eventVolunteers)
      .where(and(eq(eventVolunteers.id, volunteerId), eq(eventVolunteers.eventId, eventId)));
    if (!volunteer) throw new NotFound("volunteer");
    if (volunteer.status === "cancelled") throw new InvalidTransition("volunteer", "cancelled", "cancelled");
    const role = await lockRole(tx, eventId, volunteer.roleId);
    const [cancelled] = await tx
      .update(eventVolunteers)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(eventVolunteers.id, volunteer.id))
      .returning();
    let promoted: string | null = null;
    if (volunteer.status === "confirmed" && (await confirmedCount(tx, role.id)) < role.needed) {
      // The first person waiting gets the place and is told by email, as when a volunteer cancels by their link.
      const [region] = await tx
        .select({ timeZone: regions.timeZone })
        .from(regions)
        .where(eq(regions.id, event.regionId));
      const next = await moveUpFirstWaiting(tx, {
        role,
        event,
        timeZone: region!.timeZone,
        publicUrl: ctx.config.publicUrl,
        now,
      });
      promoted = next?.id ?? null;
    }
    if (event.scheduleBuiltAt && volunteer.status === "confirmed")
      await rescheduleWithoutVolunteers(tx, eventId, [volunteer.id]);
    await audit(tx, actor, "cancel", "event_volunteer", volunteer.id, { eventId, promoted });
    return toVolunteer(cancelled!);
  });
}
