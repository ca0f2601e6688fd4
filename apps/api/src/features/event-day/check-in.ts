import {
  type DbOrTx,
  eventInterviews,
  eventRoles,
  eventStudents,
  eventVolunteers,
  organizations,
  students,
} from "@bridgework/db";
import { type CheckInResult, DomainError, NotFound, say } from "@bridgework/domain";
import { and, asc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findManagedEvent } from "../../lib/events/event-access.ts";

/** A badge code as printed and as scanned compare without case or spaces ("ab 12c" is "AB12C"). */
export const normalizeBadgeCode = (code: string) => code.replace(/\s+/g, "").toUpperCase();
const storedCode = (column: typeof eventVolunteers.badgeCode | typeof eventStudents.badgeCode) =>
  sql`upper(regexp_replace(${column}, '\\s', '', 'g'))`;

type Kind = CheckInResult["kind"];

/**
 * A scanned or typed badge of this event: the volunteer or student is checked in (once; a second
 * scan answers `alreadyCheckedIn` with the first time, not an error). A code of another event, or
 * none, is a 404 "no badge with that code at this event".
 */
export async function checkInByCode(ctx: Ctx, eventId: string, code: string): Promise<CheckInResult> {
  const event = await findManagedEvent(ctx.db, ctx.actor, eventId);
  const wanted = normalizeBadgeCode(code);
  const [volunteer] = await ctx.db
    .select({ id: eventVolunteers.id })
    .from(eventVolunteers)
    .where(
      and(
        eq(eventVolunteers.eventId, event.id),
        eq(storedCode(eventVolunteers.badgeCode), wanted),
        eq(eventVolunteers.status, "confirmed"),
      ),
    );
  if (volunteer) return setCheckedIn(ctx, event.id, "volunteer", volunteer.id, true);
  const [student] = await ctx.db
    .select({ id: eventStudents.id })
    .from(eventStudents)
    .where(and(eq(eventStudents.eventId, event.id), eq(storedCode(eventStudents.badgeCode), wanted)));
  if (student) return setCheckedIn(ctx, event.id, "student", student.id, true);
  throw new DomainError(404, "not-found", "title.not-found", say("badge-not-found"));
}

/** From the list: check in (`checkedIn` true) or undo a mistaken check-in (false). Audited. */
export async function setCheckedIn(
  ctx: Ctx,
  eventId: string,
  kind: Kind,
  id: string,
  checkedIn: boolean,
): Promise<CheckInResult> {
  const event = await findManagedEvent(ctx.db, ctx.actor, eventId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const at = checkedIn ? now : null;
    // Conditional: of two scans at once only one sets the time; the other reads it back.
    const changed =
      kind === "volunteer"
        ? await tx
            .update(eventVolunteers)
            .set({ checkedInAt: at })
            .where(
              and(
                eq(eventVolunteers.id, id),
                eq(eventVolunteers.eventId, event.id),
                eq(eventVolunteers.status, "confirmed"),
                checkedIn ? isNull(eventVolunteers.checkedInAt) : isNotNull(eventVolunteers.checkedInAt),
              ),
            )
            .returning({ id: eventVolunteers.id })
        : await tx
            .update(eventStudents)
            .set({ checkedInAt: at })
            .where(
              and(
                eq(eventStudents.id, id),
                eq(eventStudents.eventId, event.id),
                checkedIn ? isNull(eventStudents.checkedInAt) : isNotNull(eventStudents.checkedInAt),
              ),
            )
            .returning({ id: eventStudents.id });
    const result = await describe(tx, event.id, kind, id, now);
    if (!result) throw new NotFound(kind === "volunteer" ? "volunteer" : "event student");
    if (changed.length > 0) {
      await audit(tx, ctx.actor, checkedIn ? "check_in" : "undo_check_in", `event_${kind}`, id, { eventId: event.id });
    }
    return { ...result, alreadyCheckedIn: checkedIn && changed.length === 0 };
  });
}

/** Who it is, their role or school, station and next interview (after `now`). */
async function describe(
  db: DbOrTx,
  eventId: string,
  kind: Kind,
  id: string,
  now: Date,
): Promise<Omit<CheckInResult, "alreadyCheckedIn"> | null> {
  if (kind === "volunteer") {
    const [row] = await db
      .select({ v: eventVolunteers, roleName: eventRoles.name })
      .from(eventVolunteers)
      .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
      .where(
        and(eq(eventVolunteers.id, id), eq(eventVolunteers.eventId, eventId), eq(eventVolunteers.status, "confirmed")),
      );
    if (!row) return null;
    const [next] = await db
      .select({ startsAt: eventInterviews.startsAt, firstName: students.firstName, lastName: students.lastName })
      .from(eventInterviews)
      .innerJoin(eventStudents, eq(eventStudents.id, eventInterviews.eventStudentId))
      .innerJoin(students, eq(students.id, eventStudents.studentId))
      .where(and(eq(eventInterviews.volunteerId, id), gt(eventInterviews.endsAt, now)))
      .orderBy(asc(eventInterviews.startsAt))
      .limit(1);
    return {
      kind,
      id,
      name: row.v.name,
      detail: row.roleName,
      station: row.v.station,
      nextInterview: next
        ? {
            startsAt: next.startsAt.toISOString(),
            withName: `${next.firstName} ${next.lastName}`,
            station: row.v.station,
          }
        : null,
      checkedInAt: row.v.checkedInAt?.toISOString() ?? null,
    };
  }
  const [row] = await db
    .select({
      s: eventStudents,
      firstName: students.firstName,
      lastName: students.lastName,
      schoolName: organizations.name,
    })
    .from(eventStudents)
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .where(and(eq(eventStudents.id, id), eq(eventStudents.eventId, eventId)));
  if (!row) return null;
  const [next] = await db
    .select({ startsAt: eventInterviews.startsAt, name: eventVolunteers.name, station: eventVolunteers.station })
    .from(eventInterviews)
    .innerJoin(eventVolunteers, eq(eventVolunteers.id, eventInterviews.volunteerId))
    .where(and(eq(eventInterviews.eventStudentId, id), gt(eventInterviews.endsAt, now)))
    .orderBy(asc(eventInterviews.startsAt))
    .limit(1);
  return {
    kind,
    id,
    name: `${row.firstName} ${row.lastName}`,
    detail: row.schoolName,
    station: next?.station ?? null,
    nextInterview: next ? { startsAt: next.startsAt.toISOString(), withName: next.name, station: next.station } : null,
    checkedInAt: row.s.checkedInAt?.toISOString() ?? null,
  };
}
