import { INTEREST_STATUSES, WAYS_TO_HELP } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { kindEnum, modalityEnum } from "./brokering.ts";
import { createdAt, id, updatedAt } from "./columns.ts";
import { languageEnum, organizations, regions, users } from "./identity.ts";

export const interestStatusEnum = pgEnum("interest_status", INTEREST_STATUSES);
export const wayToHelpEnum = pgEnum("way_to_help", WAYS_TO_HELP);

/**
 * A company's "Get involved" submission (area: employer-interest). Public and unauthenticated:
 * it counts only once the contact confirmed by the emailed link (`waiting`), and then the
 * intermediary approves it as a new employer, merges it into an existing one, or declines it.
 */
export const employerInterests = pgTable(
  "employer_interests",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    status: interestStatusEnum().notNull().default("unconfirmed"),
    companyName: text().notNull(),
    website: text(),
    /** COMPANY_SIZES. */
    companySize: text(),
    street: text(),
    city: text(),
    postalCode: text(),
    sectors: text().array().notNull().default(sql`'{}'::text[]`),
    contactName: text().notNull(),
    /** Lower-cased. */
    contactEmail: text().notNull(),
    contactPhone: text(),
    contactRole: text(),
    /** The language the company wrote in: its emails and its contact's account. */
    language: languageEnum().notNull().default("en"),
    ways: wayToHelpEnum().array().notNull(),
    /** Preferred months, 1–12; empty = any. */
    months: smallint().array().notNull().default(sql`'{}'::smallint[]`),
    /** Preferred modality; null = any. */
    modality: modalityEnum(),
    note: text().notNull().default(""),
    /** The submitting address, for the per-address rate limit (personal data: pruned with the row). */
    ip: text().notNull(),
    /** SHA-256 of the one-time confirmation token; cleared once used. */
    confirmTokenHash: text().unique(),
    confirmExpiresAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id),
    /** The employer it became (approved) or joined (merged). */
    organizationId: uuid().references(() => organizations.id),
    declineReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.status),
    index().on(t.ip, t.createdAt),
    index().on(t.contactEmail),
    index().on(t.organizationId),
    index("employer_interests_name_trgm_idx").using("gin", sql`lower(${t.companyName}) gin_trgm_ops`),
    check("decision_recorded", sql`${t.status} IN ('unconfirmed', 'waiting') OR ${t.decidedAt} IS NOT NULL`),
  ],
);

/**
 * "The next ask" (area: employer-growth): an invitation to a bigger step along the continuum,
 * sent by the intermediary from the grow list. It is an ask: it counts against the employer's
 * monthly ask cap like an approved match.
 */
export const growInvitations = pgTable(
  "grow_invitations",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** The kind the employer is invited to host. */
    kind: kindEnum().notNull(),
    /** The rule that put the employer on the grow list, as a code (domain: grow rules). */
    rule: text().notNull(),
    sentTo: uuid().references(() => users.id, { onDelete: "set null" }),
    sentBy: uuid().references(() => users.id),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.employerId, t.sentAt), index().on(t.regionId)],
);
