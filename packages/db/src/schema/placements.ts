import { DOCUMENT_KINDS, DOCUMENT_STATUSES, PLACEMENT_STATUSES, SIGNER_ROLES } from "@bridgework/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { opportunities } from "./brokering.ts";
import { createdAt, id, updatedAt } from "./columns.ts";
import { languageEnum, organizations, regions, users } from "./identity.ts";

export const placementStatusEnum = pgEnum("placement_status", PLACEMENT_STATUSES);
export const documentKindEnum = pgEnum("document_kind", DOCUMENT_KINDS);
export const documentStatusEnum = pgEnum("document_status", DOCUMENT_STATUSES);
export const signerRoleEnum = pgEnum("signer_role", SIGNER_ROLES);
export const hoursStatusEnum = pgEnum("hours_status", ["pending", "approved", "rejected"]);
export const linkPurposeEnum = pgEnum("link_purpose", ["sign", "hours", "evaluation"]);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** Students are minors: the least data (domain.md, Privacy). Demographics only feed aggregates. */
export const students = pgTable(
  "students",
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
    localId: text().notNull(),
    ssid: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    birthDate: date().notNull(),
    grade: smallint().notNull(),
    guardianName: text(),
    guardianEmail: text(),
    guardianPhone: text(),
    guardianLanguage: languageEnum().notNull().default("en"),
    gender: text(),
    raceEthnicity: text(),
    englishLearner: boolean(),
    disability: boolean(),
    lowIncome: boolean(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex().on(t.districtId, t.localId),
    index().on(t.regionId),
    index().on(t.schoolId, t.grade),
    check("grade_range", sql`${t.grade} BETWEEN 6 AND 12`),
  ],
);

export const insuranceCertificates = pgTable(
  "insurance_certificates",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    carrier: text().notNull(),
    policyNumber: text().notNull(),
    coverageAmount: numeric({ mode: "number" }).notNull(),
    expiresOn: date().notNull(),
    recordedBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.employerId, t.expiresOn), index().on(t.regionId), index().on(t.recordedBy)],
);

/**
 * The certificate's own file (PDF, PNG or JPEG, at most 5 MB), one per certificate, kept apart so
 * listing certificates never reads the bytes. Served only through the authorized download.
 */
export const insuranceCertificateFiles = pgTable(
  "insurance_certificate_files",
  {
    certificateId: uuid()
      .primaryKey()
      .references(() => insuranceCertificates.id, { onDelete: "cascade" }),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    fileName: text().notNull(),
    /** Detected from the bytes (magic numbers), never taken from the client. */
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.regionId)],
);

export const placements = pgTable(
  "placements",
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
    studentId: uuid()
      .notNull()
      .references(() => students.id, { onDelete: "cascade" }),
    opportunityId: uuid()
      .notNull()
      .references(() => opportunities.id),
    employerId: uuid()
      .notNull()
      .references(() => organizations.id),
    startDate: date().notNull(),
    endDate: date().notNull(),
    supervisorName: text().notNull(),
    supervisorEmail: text().notNull(),
    /** The language of the supervisor's emails (sign requests, hours approvals, evaluations). */
    supervisorLanguage: languageEnum().notNull().default("en"),
    status: placementStatusEnum().notNull().default("pending_paperwork"),
    /** The district accepted the risk without a valid certificate: a rider or a waiver, with a note. */
    insuranceOverride: jsonb().$type<{
      kind: "rider" | "waiver";
      note: string;
      recordedAt: string;
      recordedBy: string;
    }>(),
    activatedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawReason: text(),
    lastHoursReminderOn: date(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.regionId, t.status),
    index().on(t.regionId, t.completedAt),
    index().on(t.districtId),
    index().on(t.schoolId),
    index().on(t.studentId),
    index().on(t.opportunityId),
    index().on(t.employerId),
    index().on(t.createdBy),
    check("placement_dates", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** Versioned paperwork. A new version never changes a signed document: documents point at the version they rendered. */
export const documentTemplates = pgTable(
  "document_templates",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    kind: documentKindEnum().notNull(),
    version: integer().notNull(),
    titleEn: text().notNull(),
    titleEs: text().notNull(),
    bodyEn: text().notNull(),
    bodyEs: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.regionId, t.kind, t.version), index().on(t.createdBy)],
);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id),
    placementId: uuid()
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    templateId: uuid()
      .notNull()
      .references(() => documentTemplates.id),
    kind: documentKindEnum().notNull(),
    signerRole: signerRoleEnum().notNull(),
    signerName: text().notNull(),
    signerEmail: text().notNull(),
    language: languageEnum().notNull(),
    status: documentStatusEnum().notNull().default("pending"),
    dueOn: date().notNull(),
    remindersSent: integer().notNull().default(0),
    lastRemindedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    /** The signature: exact rendered text, its SHA-256, who typed what, when, from where. */
    renderedText: text(),
    textSha256: text(),
    typedName: text(),
    signedAt: timestamp({ withTimezone: true }),
    signedIp: text(),
    signedUserAgent: text(),
    pdf: bytea(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.placementId), index().on(t.templateId), index().on(t.status, t.dueOn), index().on(t.regionId)],
);

/** One-time links for people without accounts. Only the SHA-256 of the token is stored. */
export const oneTimeLinks = pgTable(
  "one_time_links",
  {
    id: id(),
    purpose: linkPurposeEnum().notNull(),
    tokenHash: text().notNull().unique(),
    documentId: uuid().references(() => documents.id, { onDelete: "cascade" }),
    placementId: uuid().references(() => placements.id, { onDelete: "cascade" }),
    /** A signing packet: one link for every document of this signer on the placement (documentId null). */
    signerRole: signerRoleEnum(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.documentId), index().on(t.placementId)],
);

export const hoursEntries = pgTable(
  "hours_entries",
  {
    id: id(),
    placementId: uuid()
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    date: date().notNull(),
    hours: numeric({ mode: "number" }).notNull(),
    note: text(),
    status: hoursStatusEnum().notNull().default("pending"),
    decidedAt: timestamp({ withTimezone: true }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.placementId, t.status),
    index().on(t.createdBy),
    check("hours_range", sql`${t.hours} > 0 AND ${t.hours} <= 24`),
  ],
);

/** The worksite supervisor's evaluation at completion (CALPADS: given or "not provided by employer"). */
export const evaluations = pgTable(
  "evaluations",
  {
    id: id(),
    placementId: uuid()
      .notNull()
      .unique()
      .references(() => placements.id, { onDelete: "cascade" }),
    given: boolean().notNull(),
    rating: smallint(),
    comments: text(),
    hostAgain: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("evaluation_rating", sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`)],
);
