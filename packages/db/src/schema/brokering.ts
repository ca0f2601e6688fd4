import { KINDS, LEVELS, MATCH_STATUSES, MODALITIES, OPPORTUNITY_STATUSES, REQUEST_STATUSES } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigserial,
} from "drizzle-orm/pg-core";
import { changedXact, createdAt, id, updatedAt } from "./columns.ts";
import { organizations, pathways, regions, users } from "./identity.ts";

export const kindEnum = pgEnum("wbl_kind", KINDS);
export const levelEnum = pgEnum("wbl_level", LEVELS);
export const modalityEnum = pgEnum("modality", MODALITIES);
export const opportunityStatusEnum = pgEnum("opportunity_status", OPPORTUNITY_STATUSES);
export const requestStatusEnum = pgEnum("request_status", REQUEST_STATUSES);
export const matchStatusEnum = pgEnum("match_status", MATCH_STATUSES);

export const opportunities = pgTable(
  "opportunities",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    kind: kindEnum().notNull(),
    level: levelEnum().notNull(),
    sector: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    modality: modalityEnum().notNull(),
    city: text(),
    postalCode: text(),
    capacity: integer().notNull(),
    /**
     * Seats held by accepted matches and placements. Changed only by conditional updates;
     * the CHECK is the last line of defence: seats taken never exceed capacity.
     */
    seatsTaken: integer().notNull().default(0),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    minAge: smallint(),
    requirements: text().array().notNull().default(sql`'{}'::text[]`),
    paid: boolean().notNull().default(false),
    hoursTotal: numeric({ mode: "number" }),
    status: opportunityStatusEnum().notNull().default("draft"),
    createdBy: uuid().references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }),
    /**
     * A standing offer: the draft made from a way to help the employer chose on its "Get
     * involved" submission (employer_interests.id; no FK, so the tables stay in dependency order).
     */
    standingOfferOf: uuid(),
    changedXact: changedXact(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.status, t.kind),
    index().on(t.employerId),
    index().on(t.createdBy),
    index().on(t.regionId, t.changedXact),
    check("seats_within_capacity", sql`${t.seatsTaken} >= 0 AND ${t.seatsTaken} <= ${t.capacity}`),
    check("capacity_positive", sql`${t.capacity} >= 1`),
  ],
);

export const requests = pgTable(
  "requests",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    districtId: uuid()
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid()
      .notNull()
      .references(() => organizations.id),
    pathwayId: uuid().references(() => pathways.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    kind: kindEnum().notNull(),
    level: levelEnum().notNull(),
    sector: text().notNull(),
    students: integer().notNull(),
    gradeLevels: smallint().array().notNull(),
    windowStart: date().notNull(),
    windowEnd: date().notNull(),
    modality: modalityEnum().notNull(),
    notes: text(),
    status: requestStatusEnum().notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.status),
    index().on(t.districtId),
    index().on(t.schoolId),
    index().on(t.pathwayId),
    index().on(t.createdBy),
    check("window_order", sql`${t.windowEnd} >= ${t.windowStart}`),
  ],
);

export const matches = pgTable(
  "matches",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    requestId: uuid()
      .notNull()
      .references(() => requests.id),
    opportunityId: uuid()
      .notNull()
      .references(() => opportunities.id),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    seats: integer().notNull(),
    status: matchStatusEnum().notNull(),
    note: text(),
    /** Another request had an open ask with this employer for the same kind and window. */
    duplicateAsk: boolean().notNull().default(false),
    /**
     * The request's kind and window, copied by a trigger on insert (a request never changes
     * them) so the duplicate-ask check reads one index instead of joining every open ask's request.
     */
    requestKind: kindEnum(),
    requestWindowStart: date(),
    requestWindowEnd: date(),
    proposedBy: uuid()
      .notNull()
      .references(() => users.id),
    approvedBy: uuid().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    acceptedAt: timestamp({ withTimezone: true }),
    scheduledAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    attendedStudents: integer(),
    closeReason: text(),
    /** iCalendar SEQUENCE: bumped on every reschedule or cancellation of the invite. */
    icsSequence: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.status),
    index().on(t.requestId),
    index().on(t.opportunityId),
    index().on(t.employerId, t.approvedAt),
    index().on(t.regionId, t.completedAt),
    // Asks sent per school year (employer engagement report).
    index().on(t.regionId, t.approvedAt),
    index().on(t.proposedBy),
    index().on(t.approvedBy),
    // Suggestions' duplicate-ask check: an employer's live asks of a kind, by window.
    index("matches_open_by_employer_kind_idx")
      .on(t.employerId, t.requestKind, t.requestWindowStart)
      .where(sql`${t.status} IN ('proposed', 'approved', 'accepted', 'scheduled')`),
    // One live match per request/opportunity pair: a second proposal is a 409 duplicate.
    uniqueIndex("matches_open_pair_idx")
      .on(t.requestId, t.opportunityId)
      .where(sql`${t.status} IN ('proposed', 'approved', 'accepted', 'scheduled')`),
    check("match_seats_positive", sql`${t.seats} >= 1`),
  ],
);

export const matchEvents = pgTable(
  "match_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    matchId: uuid()
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id),
    action: text().notNull(),
    fromStatus: matchStatusEnum(),
    toStatus: matchStatusEnum().notNull(),
    onBehalf: boolean().notNull().default(false),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.matchId, t.at), index().on(t.actorUserId)],
);

/** "How did it go?" and "would you host again?" — one answer per person per match. */
export const matchFeedback = pgTable(
  "match_feedback",
  {
    id: id(),
    matchId: uuid()
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text().notNull(),
    rating: smallint().notNull(),
    hostAgain: boolean().notNull(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.matchId, t.userId),
    index().on(t.employerId),
    index().on(t.userId),
    check("rating_range", sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);
