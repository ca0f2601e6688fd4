import { documents, matches, opportunities, organizations, placements, requests, students } from "@bridgework/db";
import { addDays, type CalendarEntry, type PersonActor } from "@bridgework/domain";
import { and, asc, eq, gte, inArray, lt, lte, min, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Ctx } from "../../lib/context.ts";
import { dayInZone } from "../../lib/zoned-time.ts";
import { visibleMatches } from "../../lib/queries/matches.ts";
import { visiblePlacements } from "../../lib/queries/placements.ts";
import { visibleRequests } from "../../lib/queries/requests.ts";
import { certificatesExpiringBetween, unsignedDocuments } from "./waiting.queries.ts";

const school = alias(organizations, "cal_school");
const employer = alias(organizations, "cal_employer");
const studentName = sql<string>`${students.firstName} || ' ' || left(${students.lastName}, 1) || '.'`;

/**
 * Everything dated in the person's scope between two calendar days of the region (inclusive):
 * scheduled engagements (open or completed matches with a time), placements' first days,
 * request windows closing (open requests), unsigned paperwork due, certificates expiring.
 * Timed entries are filtered on the day they fall on in the region's zone.
 */
export async function calendarEntries(
  ctx: Pick<Ctx, "db">,
  actor: PersonActor,
  range: { from: string; to: string; timeZone: string },
): Promise<CalendarEntry[]> {
  const { from, to, timeZone } = range;
  const staffOrTeacher = actor.role !== "employer";
  const [engagements, starts, windows, paperwork, certificates] = await Promise.all([
    ctx.db
      .select({
        id: matches.id,
        at: matches.scheduledAt,
        title: opportunities.title,
        school: school.name,
        employer: employer.name,
      })
      .from(matches)
      .innerJoin(requests, eq(requests.id, matches.requestId))
      .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
      .innerJoin(school, eq(school.id, requests.schoolId))
      .innerJoin(employer, eq(employer.id, matches.employerId))
      .where(
        and(
          visibleMatches(actor),
          inArray(matches.status, ["accepted", "scheduled", "completed"]),
          // A day either side: the region's day may start up to 14 hours off UTC midnight.
          gte(matches.scheduledAt, new Date(`${addDays(from, -1)}T00:00:00Z`)),
          lt(matches.scheduledAt, new Date(`${addDays(to, 2)}T00:00:00Z`)),
        ),
      )
      .orderBy(asc(matches.scheduledAt)),
    ctx.db
      .select({
        id: placements.id,
        day: placements.startDate,
        student: studentName,
        title: opportunities.title,
        employer: employer.name,
      })
      .from(placements)
      .innerJoin(students, eq(students.id, placements.studentId))
      .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
      .innerJoin(employer, eq(employer.id, placements.employerId))
      .where(
        and(
          visiblePlacements(actor),
          ne(placements.status, "withdrawn"),
          gte(placements.startDate, from),
          lte(placements.startDate, to),
        ),
      )
      .orderBy(asc(placements.startDate)),
    staffOrTeacher
      ? ctx.db
          .select({ id: requests.id, day: requests.windowEnd, kind: requests.kind, school: school.name })
          .from(requests)
          .innerJoin(school, eq(school.id, requests.schoolId))
          .where(
            and(
              visibleRequests(actor),
              eq(requests.status, "open"),
              gte(requests.windowEnd, from),
              lte(requests.windowEnd, to),
            ),
          )
          .orderBy(asc(requests.windowEnd))
      : [],
    actor.role === "coordinator" || actor.role === "intermediary"
      ? ctx.db
          .select({ id: placements.id, day: min(documents.dueOn), student: studentName, title: opportunities.title })
          .from(documents)
          .innerJoin(placements, eq(placements.id, documents.placementId))
          .innerJoin(students, eq(students.id, placements.studentId))
          .innerJoin(opportunities, eq(opportunities.id, placements.opportunityId))
          .where(unsignedDocuments(actor, { from, to }))
          .groupBy(placements.id, students.firstName, students.lastName, opportunities.title)
      : [],
    actor.role === "teacher" ? [] : certificatesExpiringBetween(ctx.db, actor, from, to),
  ]);

  const entries: CalendarEntry[] = [
    ...engagements.flatMap((m) => {
      if (!m.at) return [];
      const day = dayInZone(m.at, timeZone);
      if (day < from || day > to) return [];
      return [
        {
          uid: `engagement-${m.id}`,
          kind: "engagement" as const,
          id: m.id,
          title: m.title,
          detail: `${m.employer} · ${m.school}`,
          start: m.at.toISOString(),
          allDay: false,
        },
      ];
    }),
    ...starts.map((p) => ({
      uid: `placement-${p.id}`,
      kind: "placementStart" as const,
      id: p.id,
      title: p.title,
      detail: `${p.student} · ${p.employer}`,
      start: p.day,
      allDay: true,
    })),
    ...windows.map((r) => ({
      uid: `request-${r.id}`,
      kind: "requestWindowEnds" as const,
      id: r.id,
      title: r.kind,
      detail: r.school,
      start: r.day,
      allDay: true,
    })),
    ...paperwork.flatMap((p) =>
      p.day
        ? [
            {
              uid: `paperwork-${p.id}`,
              kind: "paperworkDue" as const,
              id: p.id,
              title: p.title,
              detail: p.student,
              start: p.day,
              allDay: true,
            },
          ]
        : [],
    ),
    ...certificates.map((c) => ({
      uid: `certificate-${c.id}`,
      kind: "certificateExpires" as const,
      id: c.employerId,
      title: c.employerName,
      detail: null,
      start: c.expiresOn,
      allDay: true,
    })),
  ];
  return entries.sort((a, b) => a.start.localeCompare(b.start));
}
