import { type Db, emails } from "@bridgework/db";
import type { JobOutcome } from "@bridgework/jobs";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Mailer } from "./mailer.ts";

/**
 * One-time link tokens in an email's text (PUBLIC_URL/sign/<token>, /hours/, /evaluate/,
 * /invite/). Only their hashes are kept elsewhere; once the message has left over SMTP the
 * stored copy loses them too, so a database leak gives no usable link. The dev mailbox (no
 * SMTP) is the delivery itself and keeps them.
 */
const LINK_TOKEN = "(/(?:sign|hours|evaluate|invite|confirm)/)[A-Za-z0-9_-]{32,}";
const REPLACEMENT = "\\1[link sent by email]";
const redacted = (column: typeof emails.text | typeof emails.html) =>
  sql`regexp_replace(${column}, ${LINK_TOKEN}, ${REPLACEMENT}, 'g')`;

const id = sql.placeholder("id");
const notSent = and(eq(emails.id, id), ne(emails.status, "sent"));

/**
 * The three statements of a delivery, built once per database handle and prepared by name
 * (PostgreSQL parses and plans each once per connection): a reminder run delivers thousands of
 * emails, and building the same query with drizzle for each was a tenth of the worker's CPU.
 */
function statementsFor(db: Db) {
  const markSent = (redact: boolean) =>
    db
      .update(emails)
      .set({
        status: "sent",
        sentAt: sql`now()`,
        attempts: sql`${emails.attempts} + 1`,
        lastError: null,
        ...(redact ? { text: redacted(emails.text), html: redacted(emails.html) } : {}),
      })
      .where(notSent)
      .prepare(redact ? "deliver_email_sent_redacted" : "deliver_email_sent");
  return {
    read: db.select().from(emails).where(eq(emails.id, id)).prepare("deliver_email_read"),
    sent: markSent(false),
    sentRedacted: markSent(true),
  };
}
const prepared = new WeakMap<Db, ReturnType<typeof statementsFor>>();
function statements(db: Db) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, (found = statementsFor(db)));
  return found;
}

/**
 * Sends one email row. Re-reads the row and skips it when it is gone or already sent, so a
 * retried or duplicated job never sends twice once the first delivery is recorded. When the
 * last retry fails the row becomes `failed`, so the mailbox and admin views show it.
 */
export async function deliverEmail(
  db: Db,
  mailer: Mailer,
  emailId: string,
  options: { finalAttempt?: boolean; observe?: (outcome: "sent" | "failed") => void } = {},
): Promise<JobOutcome> {
  const query = statements(db);
  const [email] = await query.read.execute({ id: emailId });
  if (!email || email.status === "sent") return "skipped";
  try {
    await mailer.send(email);
    options.observe?.("sent");
  } catch (error) {
    options.observe?.("failed");
    await db
      .update(emails)
      .set({
        attempts: sql`${emails.attempts} + 1`,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        ...(options.finalAttempt ? { status: "failed" as const } : {}),
      })
      .where(and(eq(emails.id, emailId), ne(emails.status, "sent")));
    throw error;
  }
  await (mailer.kind === "smtp" ? query.sentRedacted : query.sent).execute({ id: emailId });
  return "done";
}
