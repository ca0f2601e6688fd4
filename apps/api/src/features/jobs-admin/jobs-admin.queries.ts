import { type DbOrTx, emails, outbox } from "@bridgework/db";
import type { PersonActor } from "@bridgework/domain";
import { and, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";

export const FailedJob = z.object({
  /** The outbox row behind the job (null for jobs that have none, e.g. a scheduled sweep run). */
  outboxId: z.uuid().nullable(),
  queue: z.string(),
  /** The queue's job id while the queue keeps the failed job. */
  jobId: z.string().nullable(),
  outboxStatus: z.enum(["pending", "dispatched", "done", "failed"]).nullable(),
  attempts: z.number().int(),
  error: z.string(),
  failedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  email: z
    .object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      dedupeKey: z.string(),
      status: z.enum(["queued", "sent", "failed"]),
    })
    .nullable(),
  /** POST /api/admin/jobs/:outboxId/retry would put it back in line. */
  retryable: z.boolean(),
});
export type FailedJob = z.infer<typeof FailedJob>;

const emailId = sql`(${outbox.payload}->>'emailId')::uuid`;

/**
 * Outbox rows an intermediary may see: emails of their region (addresses and subjects are
 * personal data of that region), and jobs that carry no person's data (payloads are ids only).
 */
function visibleTo(actor: PersonActor): SQL {
  return or(and(eq(outbox.queue, "email"), eq(emails.regionId, actor.regionId)), ne(outbox.queue, "email"))!;
}

export function selectOutboxRows(db: DbOrTx, actor: PersonActor, where: SQL) {
  return db
    .select({
      id: outbox.id,
      queue: outbox.queue,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      email: {
        id: emails.id,
        to: emails.to,
        subject: emails.subject,
        dedupeKey: emails.dedupeKey,
        status: emails.status,
      },
    })
    .from(outbox)
    .leftJoin(emails, and(eq(outbox.queue, "email"), eq(emails.id, emailId)))
    .where(and(where, visibleTo(actor)))
    .orderBy(desc(outbox.createdAt));
}

export type OutboxRow = Awaited<ReturnType<typeof selectOutboxRows>>[number];

export const failedOutbox = eq(outbox.status, "failed");
export const outboxIn = (ids: string[]) => inArray(outbox.id, ids);
