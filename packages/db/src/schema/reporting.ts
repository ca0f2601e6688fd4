import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { kindEnum, levelEnum, matches } from "./brokering.ts";
import { createdAt, id, updatedAt } from "./columns.ts";
import { events } from "./events.ts";
import { organizations, regions, users } from "./identity.ts";
import { placements } from "./placements.ts";

/** The region's Community Framework C6 self-assessment, one row per indicator per school year. */
export const selfAssessments = pgTable(
  "self_assessments",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    schoolYear: text().notNull(),
    indicator: text().notNull(),
    stage: smallint().notNull(),
    notes: text().notNull().default(""),
    evidence: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex().on(t.regionId, t.schoolYear, t.indicator),
    index().on(t.updatedBy),
    check("stage_range", sql`${t.stage} BETWEEN 1 AND 4`),
  ],
);

/**
 * Read model for reports: one row per completed experience (a completed match or a completed
 * placement) with its dimensions and approved hours, so a region-wide report scans one narrow
 * table instead of joining matches, requests, opportunities, placements and hours. Written
 * only by triggers (report_sync_*, packages/db/sql, docs/database.md), in the same transaction as the
 * change to its sources, so it is never stale. Deleting a match or placement deletes its row;
 * erasing a student (packages/db/src/erase-students.ts) first detaches the rows of their completed
 * placements (placement_id null, student_id a random stand-in), so aggregate totals do not change.
 */
export const reportExperiences = pgTable(
  "report_experiences",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    matchId: uuid().references(() => matches.id, { onDelete: "cascade" }),
    placementId: uuid().references(() => placements.id, { onDelete: "cascade" }),
    /**
     * A held multi-employer event's row (report_sync_event, migration 0023): one per participating
     * student (student_id set, employer_id null) and one per volunteering employer (employer_id
     * set, student_id and school_id null). Deleting the event deletes its rows.
     */
    eventId: uuid().references(() => events.id, { onDelete: "cascade" }),
    /** The match's request, so edits to its school or pathway reach this row. */
    requestId: uuid(),
    /** The match's or placement's opportunity; null for an event's rows. */
    opportunityId: uuid(),
    /** UTC date of completion, like `schoolYearOf(Date)`. */
    completedOn: date().notNull(),
    /** Null only for an employer's row of an event the intermediary ran for the whole region. */
    districtId: uuid(),
    /** Null only for an employer's row of an event (it volunteered for the event, not one school). */
    schoolId: uuid(),
    pathwayId: uuid(),
    sector: text().notNull(),
    level: levelEnum().notNull(),
    kind: kindEnum().notNull(),
    /** Null only for a student's row of an event (the event's employers have rows of their own). */
    employerId: uuid(),
    /** Named student (placements); null for group engagements, whose students are not named. */
    studentId: uuid(),
    /** Attending students of a group engagement (0 for a placement). */
    attended: integer().notNull(),
    seats: integer().notNull(),
    /** Approved hours of the placement. */
    hours: doublePrecision().notNull().default(0),
    /**
     * Bit i set: this row is the one that counts its named student once in grouping
     * DISTINCT_GROUPINGS[i] (@bridgework/domain) (the first row, by id, of that student in the same school year —
     * or month — and the same values of the grouping's dimensions). Kept by the statement
     * triggers of migration 0011, so a distinct count for those groupings is a filtered count.
     */
    studentFirsts: integer().notNull().default(0),
    /** The same for the row's employer. */
    employerFirsts: integer().notNull().default(0),
    /**
     * "Would you host again?" for this experience: a group engagement's yes when everyone who
     * answered its feedback said yes, a placement's evaluation answer; null while unanswered.
     * Kept with the two flags below by triggers on match_feedback and evaluations (migration 0013).
     */
    hostAgain: boolean(),
    /** A group engagement with any feedback. */
    hasFeedback: boolean().notNull().default(false),
    /** A placement whose employer gave its evaluation. */
    evaluated: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex().on(t.matchId),
    uniqueIndex().on(t.placementId),
    // Region-, district- and school-wide reports over a date range.
    index().on(t.regionId, t.completedOn),
    index().on(t.districtId, t.completedOn),
    index().on(t.schoolId, t.completedOn),
    // An employer's first experience ("new this year") and whether it ever went past exposure.
    index().on(t.employerId, t.completedOn),
    // With the date, "only ever exposure" (levels and last date per employer) reads the index alone.
    index().on(t.employerId, t.level, t.completedOn),
    // A student's rows of a year, to keep studentFirsts.
    index().on(t.studentId, t.completedOn).where(sql`${t.studentId} IS NOT NULL`),
    index().on(t.opportunityId),
    index().on(t.requestId),
    index().on(t.eventId),
    // A match's row or a placement's row; neither once the placement's student was erased (the
    // row stays, detached and under a random student id, so totals keep counting it: docs/privacy.md, Erasure).
    check("report_experience_source", sql`num_nonnulls(${t.matchId}, ${t.placementId}, ${t.eventId}) <= 1`),
    // Matches and placements have all of them; an event's rows name a student or an employer.
    check("report_experience_dimensions", sql`${t.employerId} IS NOT NULL OR ${t.studentId} IS NOT NULL`),
  ],
);

/**
 * Each employer's first completed experience, kept from report_experiences by statement
 * triggers (migration 0010): "employers new this school year" reads one row per employer
 * instead of probing the experiences of every employer of the region per report.
 */
export const reportEmployerFirsts = pgTable(
  "report_employer_firsts",
  {
    employerId: uuid()
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    firstCompletedOn: date().notNull(),
  },
  (t) => [index().on(t.regionId)],
);
