import { EVENT_KINDS, EVENT_STATUSES, type Rubric, VOLUNTEER_STATUSES } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.ts";
import { employerInterests } from "./engagement.ts";
import { languageEnum, organizations, pathways, regions, users } from "./identity.ts";
import { students } from "./placements.ts";

export const eventKindEnum = pgEnum("event_kind", EVENT_KINDS);
export const eventStatusEnum = pgEnum("event_status", EVENT_STATUSES);
export const volunteerStatusEnum = pgEnum("volunteer_status", VOLUNTEER_STATUSES);

/**
 * A multi-employer event (area: events): a mock-interview day, a career fair, competition
 * judging, an industry panel or an advisory meeting. A coordinator runs one for their district
 * (`district_id`), the intermediary for the whole region (`district_id` null).
 */
export const events = pgTable(
  "events",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    /** The running district; null = run by the intermediary for the region. */
    districtId: uuid().references(() => organizations.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    kind: eventKindEnum().notNull(),
    status: eventStatusEnum().notNull().default("draft"),
    title: text().notNull(),
    description: text().notNull().default(""),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    location: text(),
    virtualUrl: text(),
    /** Pathways taking part (their sectors steer interviewer matching). */
    pathwayIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Interview-style events: interviews (or judgings) per student, and the length of one. */
    interviewsPerStudent: smallint().notNull().default(3),
    slotMinutes: smallint().notNull().default(20),
    /** The scoring rubric (`Rubric`, @bridgework/domain); null for kinds without scoring. */
    rubric: jsonb().$type<Rubric>(),
    scheduleBuiltAt: timestamp({ withTimezone: true }),
    heldAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.startsAt),
    index().on(t.districtId, t.startsAt),
    check("event_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_interviews_per_student", sql`${t.interviewsPerStudent} BETWEEN 1 AND 10`),
    check("event_slot_minutes", sql`${t.slotMinutes} BETWEEN 5 AND 240`),
  ],
);

/** Schools taking part, and when each sends its students (null = the whole event). */
export const eventSchools = pgTable(
  "event_schools",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    schoolId: uuid()
      .notNull()
      .references(() => organizations.id),
    arrivesAt: timestamp({ withTimezone: true }),
    leavesAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.schoolId] }), index().on(t.schoolId)],
);

/**
 * A volunteer role in one shift with its count ("Interviewer, 8:00–11:30, 60 needed"). Roles
 * with `scheduled` take part in the built schedule (interviewers, judges); others (greeters,
 * fair booths) only sign up.
 */
export const eventRoles = pgTable(
  "event_roles",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    /** What to bring (résumé copies, a laptop, safety glasses…). */
    bring: text().notNull().default(""),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    needed: integer().notNull(),
    /** No slot of the schedule overlaps these (lunch, an assembly): ISO instants. */
    breaks: jsonb().$type<{ startsAt: string; endsAt: string }[]>().notNull().default(sql`'[]'::jsonb`),
    scheduled: boolean().notNull().default(false),
    position: smallint().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.eventId),
    check("event_role_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_role_needed", sql`${t.needed} BETWEEN 1 AND 10000`),
  ],
);

/**
 * A volunteer's sign-up for a role's shift. Never more `confirmed` than the role's `needed`
 * (the role row is locked to count); beyond that, `waitlisted` in order of sign-up.
 */
export const eventVolunteers = pgTable(
  "event_volunteers",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    roleId: uuid()
      .notNull()
      .references(() => eventRoles.id, { onDelete: "cascade" }),
    status: volunteerStatusEnum().notNull().default("confirmed"),
    name: text().notNull(),
    /** Lower-cased. */
    email: text().notNull(),
    phone: text(),
    /** As the volunteer wrote it. */
    employerName: text().notNull(),
    /** The employer it is, when known (a recognized contact, or linked by the coordinator). */
    organizationId: uuid().references(() => organizations.id),
    /** The employer contact recognized by email. */
    userId: uuid().references(() => users.id),
    /** A new company: its lead in the vetting queue. */
    interestId: uuid().references(() => employerInterests.id, { onDelete: "set null" }),
    sectors: text().array().notNull().default(sql`'{}'::text[]`),
    language: languageEnum().notNull().default("en"),
    /** Where they sit on the day ("Table 12"), set with the schedule. */
    station: text(),
    /** Printed on the badge and scanned at check-in; unique within the event. */
    badgeCode: text().notNull(),
    /** SHA-256 of the one-time link to their own schedule and rubric (no account). */
    scheduleTokenHash: text().unique(),
    /** SHA-256 of the cancel link in their emails. */
    cancelTokenHash: text().unique(),
    checkedInAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** The coordinator who added them directly; null = signed up on the public page. */
    addedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.roleId, t.status, t.createdAt),
    index().on(t.eventId, t.status),
    index().on(t.organizationId),
    index().on(t.email),
    uniqueIndex().on(t.eventId, t.badgeCode),
    // One live sign-up per person per shift.
    uniqueIndex("event_volunteers_one_live_signup").on(t.roleId, t.email).where(sql`${t.status} <> 'cancelled'`),
  ],
);

/** A student taking part, with the pathway they come with (its sector steers matching). */
export const eventStudents = pgTable(
  "event_students",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    studentId: uuid()
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    schoolId: uuid()
      .notNull()
      .references(() => organizations.id),
    pathwayId: uuid().references(() => pathways.id),
    badgeCode: text().notNull(),
    checkedInAt: timestamp({ withTimezone: true }),
    addedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.eventId, t.studentId),
    uniqueIndex().on(t.eventId, t.badgeCode),
    index().on(t.studentId),
    index().on(t.schoolId),
  ],
);

/** One slot of the built schedule: a student with a volunteer (interviewer or judge). */
export const eventInterviews = pgTable(
  "event_interviews",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    eventStudentId: uuid()
      .notNull()
      .references(() => eventStudents.id, { onDelete: "cascade" }),
    volunteerId: uuid()
      .notNull()
      .references(() => eventVolunteers.id, { onDelete: "cascade" }),
    roleId: uuid()
      .notNull()
      .references(() => eventRoles.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.eventId, t.startsAt),
    // Nobody in two places at once (the scheduler guarantees it; the database holds it).
    uniqueIndex().on(t.volunteerId, t.startsAt),
    uniqueIndex().on(t.eventStudentId, t.startsAt),
  ],
);

/**
 * A volunteer's rubric scores for one interview, saved as they go. One row per interview:
 * a retried save overwrites instead of adding a second.
 */
export const eventScores = pgTable("event_scores", {
  interviewId: uuid()
    .primaryKey()
    .references(() => eventInterviews.id, { onDelete: "cascade" }),
  /** Criterion key → score within the rubric's range. */
  scores: jsonb().$type<Record<string, number>>().notNull(),
  comment: text().notNull().default(""),
  savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
