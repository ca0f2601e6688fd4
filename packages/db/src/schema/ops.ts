import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, bigserial } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns.ts";
import { regions, users } from "./identity.ts";

/** Who read or changed what. Written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    regionId: uuid().references(() => regions.id),
    actorUserId: uuid().references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: uuid(),
    details: jsonb().$type<Record<string, unknown>>(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.regionId, t.entity, t.entityId), index().on(t.actorUserId)],
);

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "dispatched", "done", "failed"]);

/**
 * Side effects requested by a business transaction. The dispatcher hands each row to the
 * job driver with jobId = outbox id, so a retried dispatch never enqueues twice.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    queue: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: outboxStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.status, t.availableAt)],
);

export const emailStatusEnum = pgEnum("email_status", ["queued", "sent", "failed"]);

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/** Every email is a row first, unique by its dedupe key, then delivered by a job. */
export const emails = pgTable(
  "emails",
  {
    id: id(),
    regionId: uuid().references(() => regions.id),
    dedupeKey: text().notNull().unique(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<EmailAttachment[]>().notNull().default([]),
    status: emailStatusEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.regionId), index().on(t.to, t.createdAt), index().on(t.status)],
);
