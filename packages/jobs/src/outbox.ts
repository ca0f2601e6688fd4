import { type DbOrTx, type Db, emails, outbox } from "@bridgework/db";
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { JobDriver } from "./driver.ts";
import type { Payload, QueueName } from "./queues.ts";

/** Records a side effect inside the caller's transaction; the dispatcher enqueues it after commit. */
export async function enqueueOutbox<Q extends QueueName>(tx: DbOrTx, queue: Q, payload: Payload<Q>): Promise<string> {
  const [row] = await tx.insert(outbox).values({ queue, payload }).returning({ id: outbox.id });
  return row!.id;
}

export interface NewEmail {
  /** Same key → same email, sent once, however often the caller runs. */
  dedupeKey: string;
  regionId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

/**
 * Writes the email row and its delivery job in the caller's transaction. Returns the email id,
 * or null when an email with this dedupe key already exists (nothing new is sent).
 */
export async function queueEmail(tx: DbOrTx, email: NewEmail): Promise<string | null> {
  const [row] = await tx
    .insert(emails)
    .values({ ...email, attachments: email.attachments ?? [] })
    .onConflictDoNothing({ target: emails.dedupeKey })
    .returning({ id: emails.id });
  if (!row) return null;
  await enqueueOutbox(tx, "email", { emailId: row.id });
  return row.id;
}

/**
 * The same as queueEmail for many emails in one statement per table (sweeps write thousands).
 * Rows go in dedupe-key order, so two callers inserting overlapping keys at once wait for each
 * other instead of deadlocking; keys that exist are skipped. Returns how many were new.
 */
export async function queueEmails(tx: DbOrTx, list: NewEmail[]): Promise<number> {
  if (list.length === 0) return 0;
  const sorted = [...list].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  const rows = await tx
    .insert(emails)
    .values(sorted.map((email) => ({ ...email, attachments: email.attachments ?? [] })))
    .onConflictDoNothing({ target: emails.dedupeKey })
    .returning({ id: emails.id });
  if (rows.length > 0)
    await tx.insert(outbox).values(rows.map((row) => ({ queue: "email", payload: { emailId: row.id } })));
  return rows.length;
}

/** A dispatched row not finished after this long is handed over again (e.g. Redis lost it). */
export const REDISPATCH_AFTER_MS = 5 * 60_000;

export interface DispatchOptions {
  batch?: number;
  /** Defaults to REDISPATCH_AFTER_MS; keep it well above the longest a job may wait in the queue. */
  redispatchAfterMs?: number;
}

/**
 * Moves due outbox rows to the job driver with jobId = outbox id. SKIP LOCKED lets several
 * dispatchers run at once without handing over the same row twice in one pass.
 */
export async function dispatchOutbox(
  db: Db,
  driver: JobDriver,
  now: Date = new Date(),
  options: DispatchOptions = {},
): Promise<number> {
  const batch = options.batch ?? 200;
  const stale = new Date(now.getTime() - (options.redispatchAfterMs ?? REDISPATCH_AFTER_MS));
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: outbox.id, queue: outbox.queue, payload: outbox.payload })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.status, "pending"), lte(outbox.availableAt, now)),
          and(eq(outbox.status, "dispatched"), lte(outbox.dispatchedAt, stale)),
        ),
      )
      .orderBy(outbox.createdAt)
      .limit(batch)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return 0;
    // All at once rather than one round trip after another: a batch is hundreds of rows.
    await Promise.all(rows.map((row) => driver.enqueue(row.queue as QueueName, row.payload as never, row.id)));
    await tx
      .update(outbox)
      .set({ status: "dispatched", dispatchedAt: now, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
    return rows.length;
  });
}

/** The success mark, prepared once per database handle: every delivered email runs it. */
const markDone = new WeakMap<Db, { execute(values: { id: string }): Promise<unknown> }>();
function markDoneFor(db: Db) {
  let statement = markDone.get(db);
  if (!statement) {
    statement = db
      .update(outbox)
      .set({ status: "done", finishedAt: sql`now()`, lastError: null })
      .where(eq(outbox.id, sql.placeholder("id")))
      .prepare("outbox_mark_done");
    markDone.set(db, statement);
  }
  return statement;
}

export async function markOutboxFinished(db: Db, id: string, result: { ok: true } | { ok: false; error: string }) {
  if (result.ok) {
    await markDoneFor(db).execute({ id });
    return;
  }
  await db
    .update(outbox)
    .set({ status: "failed", lastError: result.error.slice(0, 2000) })
    .where(eq(outbox.id, id));
}
