import {
  eventInterviews,
  eventRoles,
  eventScores,
  eventStudents,
  eventVolunteers,
  organizations,
  students,
} from "@bridgework/db";
import {
  defaultRubric,
  type GuardianLanguage,
  type Rubric,
  type ScheduleGrouping,
  shiftHours,
} from "@bridgework/domain";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { csvText } from "../../lib/csv-writer.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { isoInZone } from "../../lib/zoned-time.ts";
import { type Badge, renderBadgesPdf } from "./badges-pdf.ts";
import { manageScope, readScope } from "./event-scope.ts";
import { Flow, newDocument, slug, timeFormat } from "./pdf-writer.ts";
import { PRINT_TEXT } from "./printable-text.ts";
import { groupSlots, scheduleSlots } from "./schedule-rows.ts";
import { renderSchedulesPdf } from "./schedules-pdf.ts";

export interface FileOut {
  body: Buffer | string;
  filename: string;
}

/** The schedule as a PDF, one page per interviewer, student or table. Audited (names students). */
export async function schedulesPdf(ctx: Ctx, id: string, by: ScheduleGrouping, language: GuardianLanguage) {
  const scope = await readScope(ctx.db, ctx.actor, id);
  const slots = await scheduleSlots(ctx.db, id, scope.schoolId);
  await audit(ctx.db, ctx.actor, "export", "event_schedule", id, { by, format: "pdf", slots: slots.length });
  const body = await renderSchedulesPdf({
    language,
    timeZone: await regionTimeZone(ctx.db, scope.event.regionId),
    eventTitle: scope.event.title,
    startsAt: scope.event.startsAt,
    location: scope.event.location,
    by,
    groups: groupSlots(slots, by),
  });
  return { body, filename: `${slug(scope.event.title)}-schedule-by-${by}.pdf` } satisfies FileOut;
}

/** Badges for the students (a teacher: their school's) and, for those who run it, the confirmed volunteers. */
export async function badgesPdf(ctx: Ctx, id: string, language: GuardianLanguage): Promise<FileOut> {
  const scope = await readScope(ctx.db, ctx.actor, id);
  const studentRows = await ctx.db
    .select({
      firstName: students.firstName,
      lastName: students.lastName,
      school: organizations.name,
      badgeCode: eventStudents.badgeCode,
    })
    .from(eventStudents)
    .innerJoin(students, eq(students.id, eventStudents.studentId))
    .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
    .where(and(eq(eventStudents.eventId, id), scope.schoolId ? eq(eventStudents.schoolId, scope.schoolId) : undefined))
    .orderBy(asc(organizations.name), asc(students.lastName), asc(students.firstName));
  const volunteerRows = scope.manages
    ? await ctx.db
        .select({
          name: eventVolunteers.name,
          employer: eventVolunteers.employerName,
          role: eventRoles.name,
          badgeCode: eventVolunteers.badgeCode,
        })
        .from(eventVolunteers)
        .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
        .where(and(eq(eventVolunteers.eventId, id), eq(eventVolunteers.status, "confirmed")))
        .orderBy(asc(eventVolunteers.employerName), asc(eventVolunteers.name))
    : [];
  const badges: Badge[] = [
    ...volunteerRows.map((v) => ({ name: v.name, organization: v.employer, role: v.role, badgeCode: v.badgeCode })),
    ...studentRows.map((s) => ({
      name: `${s.firstName} ${s.lastName}`,
      organization: s.school,
      role: PRINT_TEXT[language].student,
      badgeCode: s.badgeCode,
    })),
  ];
  await audit(ctx.db, ctx.actor, "export", "event_badges", id, {
    students: studentRows.length,
    volunteers: volunteerRows.length,
  });
  return {
    body: await renderBadgesPdf(language, scope.event.title, badges),
    filename: `${slug(scope.event.title)}-badges.pdf`,
  };
}

interface ResultRow {
  eventStudentId: string;
  studentName: string;
  schoolName: string;
  grade: number;
  startsAt: Date;
  interviewer: string;
  employer: string;
  scores: Record<string, number> | null;
  comment: string;
}

const average = (scores: Record<string, number> | null, rubric: Rubric): number | null => {
  if (!scores) return null;
  const values = rubric.criteria.map((c) => scores[c.key]).filter((v): v is number => typeof v === "number");
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
};

async function rubricRows(ctx: Ctx, id: string, language: GuardianLanguage) {
  const scope = await readScope(ctx.db, ctx.actor, id);
  const rubric = scope.event.rubric ?? defaultRubric(scope.event.kind, language);
  const rows: ResultRow[] = (
    await ctx.db
      .select({
        eventStudentId: eventStudents.id,
        firstName: students.firstName,
        lastName: students.lastName,
        schoolName: organizations.name,
        grade: students.grade,
        startsAt: eventInterviews.startsAt,
        interviewer: eventVolunteers.name,
        employer: eventVolunteers.employerName,
        scores: eventScores.scores,
        comment: eventScores.comment,
      })
      .from(eventInterviews)
      .innerJoin(eventStudents, eq(eventStudents.id, eventInterviews.eventStudentId))
      .innerJoin(students, eq(students.id, eventStudents.studentId))
      .innerJoin(organizations, eq(organizations.id, eventStudents.schoolId))
      .innerJoin(eventVolunteers, eq(eventVolunteers.id, eventInterviews.volunteerId))
      .leftJoin(eventScores, eq(eventScores.interviewId, eventInterviews.id))
      .where(
        and(eq(eventInterviews.eventId, id), scope.schoolId ? eq(eventStudents.schoolId, scope.schoolId) : undefined),
      )
      .orderBy(
        asc(organizations.name),
        asc(students.lastName),
        asc(students.firstName),
        asc(eventStudents.id),
        asc(eventInterviews.startsAt),
      )
  ).map((r) => ({
    ...r,
    studentName: `${r.firstName} ${r.lastName}`,
    scores: r.scores,
    comment: r.comment ?? "",
  }));
  await audit(ctx.db, ctx.actor, "export", "event_scores", id, { rows: rows.length });
  return { scope, rubric, rows, timeZone: await regionTimeZone(ctx.db, scope.event.regionId) };
}

/**
 * Rubric results, one row per interview: the student, the interviewer and employer, each
 * criterion's score (blank when not scored), the comment and the interview's average.
 */
export async function rubricResultsCsv(ctx: Ctx, id: string, language: GuardianLanguage): Promise<FileOut> {
  const { scope, rubric, rows, timeZone } = await rubricRows(ctx, id, language);
  const columns = [
    { key: "student", header: "student" },
    { key: "school", header: "school" },
    { key: "grade", header: "grade" },
    { key: "startsAt", header: "interview_starts_at" },
    { key: "interviewer", header: "interviewer" },
    { key: "employer", header: "employer" },
    ...rubric.criteria.map((c) => ({ key: `c_${c.key}`, header: c.key })),
    { key: "comment", header: "comment" },
    { key: "average", header: "average" },
  ];
  const records = rows.map((r) => ({
    student: r.studentName,
    school: r.schoolName,
    grade: r.grade,
    startsAt: isoInZone(r.startsAt, timeZone),
    interviewer: r.interviewer,
    employer: r.employer,
    ...Object.fromEntries(rubric.criteria.map((c) => [`c_${c.key}`, r.scores?.[c.key] ?? null])),
    comment: r.comment,
    average: average(r.scores, rubric),
  }));
  return { body: csvText(records, columns), filename: `${slug(scope.event.title)}-rubric-results.csv` };
}

/** Rubric results for the teacher: one section per student with each interview's scores, comment and average. */
export async function rubricResultsPdf(ctx: Ctx, id: string, language: GuardianLanguage): Promise<FileOut> {
  const { scope, rubric, rows, timeZone } = await rubricRows(ctx, id, language);
  const t = PRINT_TEXT[language];
  const time = timeFormat(language, timeZone);
  const { doc, fonts } = await newDocument(`${scope.event.title} - ${t.rubricTitle}`, language);
  const byStudent = new Map<string, ResultRow[]>();
  for (const r of rows) byStudent.set(r.eventStudentId, [...(byStudent.get(r.eventStudentId) ?? []), r]);
  const number = new Intl.NumberFormat(language === "es" ? "es-US" : "en-US", { maximumFractionDigits: 2 });
  const heading = (flow: Flow) => {
    flow.text(`${scope.event.title} - ${t.rubricTitle}`, { size: 10, bold: true });
    flow.gap(8);
  };
  if (byStudent.size === 0) new Flow(doc, fonts, heading).text(t.noResults);
  for (const interviews of byStudent.values()) {
    const flow = new Flow(doc, fonts, heading);
    const first = interviews[0]!;
    flow.text(first.studentName, { size: 18, bold: true });
    flow.text(first.schoolName, { size: 11 });
    flow.gap(8);
    const averages: number[] = [];
    for (const r of interviews) {
      flow.text(`${time(r.startsAt)} · ${t.interviewer}: ${r.interviewer} · ${t.employer}: ${r.employer}`, {
        size: 11,
        bold: true,
      });
      if (!r.scores) flow.text(t.notScored, { size: 10, x: 12 });
      else {
        for (const c of rubric.criteria)
          flow.text(`${c.label}: ${r.scores[c.key] ?? "-"} / ${rubric.max}`, { size: 10, x: 12 });
        const avg = average(r.scores, rubric);
        if (avg !== null) {
          averages.push(avg);
          flow.text(`${t.average}: ${number.format(avg)}`, { size: 10, x: 12, bold: true });
        }
        if (r.comment) flow.text(`${t.comment}: ${r.comment}`, { size: 10, x: 12 });
      }
      flow.gap(6);
    }
    if (averages.length > 0)
      flow.text(`${t.studentAverage}: ${number.format(averages.reduce((a, b) => a + b, 0) / averages.length)}`, {
        size: 12,
        bold: true,
      });
  }
  return { body: Buffer.from(await doc.save()), filename: `${slug(scope.event.title)}-rubric-results.pdf` };
}

/**
 * Volunteer hours per employer, counting only confirmed volunteers who checked in (those who
 * came): people (distinct emails), shifts worked and hours (each shift's length, to the quarter).
 */
export async function volunteerHoursCsv(ctx: Ctx, id: string): Promise<FileOut> {
  const event = await manageScope(ctx.db, ctx.actor, id);
  const rows = await ctx.db
    .select({
      email: eventVolunteers.email,
      employerName: eventVolunteers.employerName,
      organizationId: eventVolunteers.organizationId,
      organizationName: organizations.name,
      startsAt: eventRoles.startsAt,
      endsAt: eventRoles.endsAt,
    })
    .from(eventVolunteers)
    .innerJoin(eventRoles, eq(eventRoles.id, eventVolunteers.roleId))
    .leftJoin(organizations, eq(organizations.id, eventVolunteers.organizationId))
    .where(
      and(
        eq(eventVolunteers.eventId, id),
        eq(eventVolunteers.status, "confirmed"),
        isNotNull(eventVolunteers.checkedInAt),
      ),
    );
  const byEmployer = new Map<string, { employer: string; emails: Set<string>; shifts: number; hours: number }>();
  for (const r of rows) {
    const key = r.organizationId ?? `name:${r.employerName.trim().toLowerCase()}`;
    const entry = byEmployer.get(key) ?? {
      employer: r.organizationName ?? r.employerName.trim(),
      emails: new Set<string>(),
      shifts: 0,
      hours: 0,
    };
    entry.emails.add(r.email);
    entry.shifts += 1;
    entry.hours += shiftHours(r.startsAt, r.endsAt);
    byEmployer.set(key, entry);
  }
  const records = [...byEmployer.values()]
    .sort((a, b) => b.hours - a.hours || a.employer.localeCompare(b.employer))
    .map((e) => ({ employer: e.employer, volunteers: e.emails.size, shifts: e.shifts, hours: e.hours }));
  await audit(ctx.db, ctx.actor, "export", "event_volunteer_hours", id, { employers: records.length });
  const columns = [
    { key: "employer", header: "employer" },
    { key: "volunteers", header: "volunteers_checked_in" },
    { key: "shifts", header: "shifts_checked_in" },
    { key: "hours", header: "hours_checked_in" },
  ];
  return { body: csvText(records, columns), filename: `${slug(event.title)}-volunteer-hours.csv` };
}
