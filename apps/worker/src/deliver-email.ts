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
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
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
  await db
    .update(emails)
    .set({
      status: "sent",
      sentAt: new Date(),
      attempts: sql`${emails.attempts} + 1`,
      lastError: null,
      ...(mailer.kind === "smtp" ? { text: redacted(emails.text), html: redacted(emails.html) } : {}),
    })
    .where(and(eq(emails.id, emailId), ne(emails.status, "sent")));
  return "done";
}
