import { emails, outbox } from "@bridgework/db";
import { createBullmqDriver, createInlineDriver, type JobDriver, queueEmail, RETRY } from "@bridgework/jobs";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { deliverEmail } from "./deliver-email.ts";
import { createMailer } from "./mailer.ts";
import { type JobsRuntime, startJobs } from "./runtime.ts";

const BACKOFF_MS = 20;
const prefix = uniqueQueuePrefix();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
  await deleteQueueKeys(prefix);
});

const drivers: Array<{ name: string; make: () => JobDriver }> = [
  { name: "the in-process driver", make: () => createInlineDriver({ backoffMs: BACKOFF_MS }) },
  {
    name: "the BullMQ driver on Redis",
    make: () => createBullmqDriver({ url: redisUrl(), prefix, backoffMs: BACKOFF_MS }),
  },
];

/** A consuming job runtime (as in the worker process) delivering to a test SMTP server. */
async function runtime(
  driver: JobDriver,
  smtp: TestSmtp,
): Promise<JobsRuntime & { mailer: ReturnType<typeof createMailer> }> {
  const mailer = createMailer(smtp.url);
  const jobs = await startJobs({
    db: db.db,
    driver,
    mailer,
    sweeps: {},
    log: pino({ level: "silent" }),
    consume: true,
  });
  return Object.assign(jobs, { mailer });
}

let n = 0;
async function queueTestEmail() {
  const to = `person${++n}@example.test`;
  const emailId = await db.db.transaction((tx) =>
    queueEmail(tx, { dedupeKey: `test:${n}:${prefix}`, regionId: null, to, subject: `Hello ${n}`, text: `Body ${n}` }),
  );
  const [row] = await db.db.select().from(outbox).where(sql`${outbox.payload}->>'emailId' = ${emailId}`);
  return { to, emailId: emailId!, outboxId: row!.id };
}

const emailRow = async (id: string) => (await db.db.select().from(emails).where(eq(emails.id, id)))[0]!;
const outboxRow = async (id: string) => (await db.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe.each(drivers)("email jobs through $name", ({ make }) => {
  it("delivers a queued email over SMTP exactly once and records it as sent", async () => {
    const smtp = await startTestSmtp();
    const jobs = await runtime(make(), smtp);
    try {
      const { to, emailId, outboxId } = await queueTestEmail();
      jobs.kick();
      const [message] = await smtp.waitForMessages(1);
      expect(message!.to).toMatchObject({ text: to });
      expect(message!.text?.trim()).toBe(`Body ${n}`);
      await eventually(
        async () => ((await outboxRow(outboxId)).status === "done" ? true : undefined),
        10_000,
        "outbox row done",
      );
      expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      // The job running again (a redelivery) sends nothing more.
      expect(await deliverEmail(db.db, jobs.mailer, emailId)).toBe("skipped");
      await jobs.drain();
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await jobs.stop();
      await smtp.close();
    }
  });

  it("retries a failing SMTP delivery with growing backoff, then leaves it visibly failed", async () => {
    const smtp = await startTestSmtp({ refuse: true });
    const driver = make();
    const jobs = await runtime(driver, smtp);
    try {
      const { emailId, outboxId } = await queueTestEmail();
      jobs.kick();
      const attempts = await smtp.waitForAttempts(RETRY.attempts);
      const failedRow = await eventually(
        async () => {
          const row = await outboxRow(outboxId);
          return row.status === "failed" ? row : undefined;
        },
        10_000,
        "outbox row failed",
      );
      expect(failedRow.lastError).toMatch(/451|temporarily unavailable/i);
      expect(await emailRow(emailId)).toMatchObject({
        status: "failed",
        attempts: RETRY.attempts,
        lastError: expect.stringMatching(/temporarily unavailable/i),
      });
      const failedJobs = await eventually(
        async () => {
          const list = await driver.failed();
          return list.some((j) => j.jobId === outboxId) ? list : undefined;
        },
        5_000,
        "driver.failed() to list the job",
      );
      expect(failedJobs.find((j) => j.jobId === outboxId)).toMatchObject({ queue: "email", attempts: RETRY.attempts });
      // Exponential backoff: each wait at least BACKOFF_MS × 2^(i-1) (timers never fire early by more than a tick).
      const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
      gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(BACKOFF_MS * 2 ** i - 2));
      // No further attempt once it has failed for good.
      await new Promise((r) => setTimeout(r, BACKOFF_MS * 2 ** RETRY.attempts));
      expect(smtp.attempts).toHaveLength(RETRY.attempts);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await jobs.stop();
      await smtp.close();
    }
  });
});
