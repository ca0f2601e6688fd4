import { GUARDIAN_LANGUAGES, ORGANIZATION_TYPES, ROLES, USER_STATUSES } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgEnum,
  smallint,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { changedXact, createdAt, id, updatedAt } from "./columns.ts";

export const roleEnum = pgEnum("role", ROLES);
export const organizationTypeEnum = pgEnum("organization_type", ORGANIZATION_TYPES);
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);
/** Languages people read Bridgework in (staff, guardians, supervisors). */
export const languageEnum = pgEnum("language", GUARDIAN_LANGUAGES);

export const regions = pgTable(
  "regions",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull().unique(),
    /** IANA zone every time a person of this region reads is shown in (emails, .ics, PDFs, CSV, the SPA). */
    timeZone: text().notNull().default("America/Los_Angeles"),
    /**
     * Students are erased this many years after their last activity (their last placement's end,
     * or their own last change) by the `erase-retention` sweep; null = kept until a district asks.
     */
    studentRetentionYears: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "student_retention_range",
      sql`${t.studentRetentionYears} IS NULL OR ${t.studentRetentionYears} BETWEEN 1 AND 50`,
    ),
  ],
);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    type: organizationTypeEnum().notNull(),
    name: text().notNull(),
    /** A school's district. */
    parentId: uuid().references((): AnyPgColumn => organizations.id),
    sectors: text().array().notNull().default(sql`'{}'::text[]`),
    city: text(),
    postalCode: text(),
    /** A school's local or CDS code ("VHS", "10621661030543"); the student import accepts it for the school. */
    localCode: text(),
    /** New asks the region may send an employer per month; null = no cap. */
    askCapPerMonth: integer(),
    /**
     * The cap the intermediary set (null = no cap): an employer may lower `askCapPerMonth` for itself
     * and raise it again up to this, never above (employer preferences).
     */
    regionAskCapPerMonth: integer(),
    /** An employer's website (from its "Get involved" submission or typed in). */
    website: text(),
    /** An employer's size band (COMPANY_SIZES). */
    companySize: text(),
    /** Months (1–12) an employer asked not to be asked in: approvals and invitations wait. */
    blackoutMonths: smallint().array().notNull().default(sql`'{}'::smallint[]`),
    /** The employer user asks and invitations go to first; null = every employer user. */
    preferredContactId: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    changedXact: changedXact(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.changedXact),
    index().on(t.regionId, t.type),
    index().on(t.parentId),
    uniqueIndex().on(t.regionId, t.type, t.name),
    // Codes are matched case-insensitively (the student import), so "vhs" and "VHS" are the same code.
    uniqueIndex("organizations_local_code_idx")
      .on(t.regionId, t.type, sql`lower(${t.localCode})`)
      .where(sql`${t.localCode} IS NOT NULL`),
    // Duplicate detection of "Get involved" submissions against existing employers (pg_trgm).
    index("organizations_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    check("school_has_district", sql`${t.type} <> 'school' OR ${t.parentId} IS NOT NULL`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** Stored lower-cased; unique across the whole system so login needs no region. */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    status: userStatusEnum().notNull().default("invited"),
    passwordHash: text(),
    /** The language of this person's emails and of the web app after login. */
    language: languageEnum().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.organizationId), index().on(t.regionId)],
);

/** One-time set-password links. Only the SHA-256 of the token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.createdBy)],
);

/**
 * Refresh tokens, one row per issued token. A login starts a family; each refresh marks the
 * old row used and inserts its child. Presenting a used token revokes the whole family.
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: uuid().notNull(),
    parentId: uuid(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.userId), index().on(t.familyId)],
);

/** Failed logins, counted per account and address pair, per account and per address over sliding windows (login-limits.ts). */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: id(),
    email: text().notNull(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)],
);

/**
 * The addresses each account has logged in from, with the last success. A login from one of
 * them is held only to the per-pair limit, not to the account-wide or address-wide ceilings,
 * so someone guessing an account's password from elsewhere cannot lock its owner out.
 * Addresses are personal data: the rows go with the user and older ones no longer count.
 */
export const loginAddresses = pgTable(
  "login_addresses",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ip: text().notNull(),
    lastSucceededAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex().on(t.userId, t.ip)],
);

/**
 * Forgot-password requests (area: account), one row per request, answered or not: counted per
 * email and per IP for the rate limit. A request for a known account also carries the link:
 * only the SHA-256 of its token, one use, an hour.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    /** As typed, lower-cased; the account may not exist. */
    email: text().notNull(),
    ip: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().unique(),
    expiresAt: timestamp({ withTimezone: true }),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.email, t.createdAt), index().on(t.ip, t.createdAt), index().on(t.userId)],
);

export const pathways = pgTable(
  "pathways",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    schoolId: uuid()
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    sector: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.regionId), index().on(t.schoolId), uniqueIndex().on(t.schoolId, t.name)],
);
