import { auditLog, emails, organizations, outbox } from "@bridgework/db";
import { createBullmqDriver, createInlineDriver, type JobDriver, queueEmail, RETRY } from "@bridgework/jobs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startCountingSmtp } from "../../../../../test/support/counting-smtp.ts";
import { eventually } from "../../../../../test/support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../../../test/support/redis.ts";
import { createHarness, type Harness } from "../../../test/harness.ts";

const prefix = uniqueQueuePrefix();
afterAll(() => deleteQueueKeys(prefix));
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

// A sweep that always throws, given to the job runtime: its scheduled-style job (no outbox row) must end up visible too.
const sweeps = {
  "jobs-admin-test-always-fails": async (): Promise<number> => {
    throw new Error("the sweep's query failed");
  },
};

const drivers: Array<{ name: string; make: () => JobDriver }> = [
  { name: "the in-process driver", make: () => createInlineDriver({ backoffMs: 5 }) },
  { name: "BullMQ on Redis", make: () => createBullmqDriver({ url: redisUrl(), prefix, backoffMs: 5 }) },
];

/** A harness whose SMTP server refuses mail until told otherwise. */
async function setup(make: () => JobDriver) {
  let refusing = true;
  const smtp = await startCountingSmtp({ refusing: () => refusing });
  cleanups.push(() => smtp.close());
  const h = await createHarness({ smtpUrl: smtp.url, driver: make(), sweeps });
  cleanups.push(() => h.close());
  return { h, smtp, accept: () => (refusing = false) };
}

async function queueValleyEmail(h: Harness, to: string) {
  const [valley] = await h.db.db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.name, "Valley High"));
  const emailId = await h.db.db.transaction((tx) =>
    queueEmail(tx, {
      dedupeKey: `test:${to}`,
      regionId: valley!.regionId,
      to,
      subject: "Paperwork to sign",
      text: "Hello",
    }),
  );
  const [row] = await h.db.db.select().from(outbox).where(sql`${outbox.payload}->>'emailId' = ${emailId}`);
  h.jobs.kick();
  return row!.id;
}

const failedList = async (h: Harness, as: string) =>
  h.app.inject({ method: "GET", url: "/api/admin/jobs/failed?pageSize=100", headers: await h.as(as) });
const retry = async (h: Harness, as: string, id: string) =>
  h.app.inject({ method: "POST", url: `/api/admin/jobs/${id}/retry`, headers: await h.as(as) });

describe.each(drivers)("failed jobs through $name", ({ make }) => {
  it("lists an email that exhausted its retries for the region's intermediary, and a retry delivers it once", async () => {
    const { h, smtp, accept } = await setup(make);
    const outboxId = await queueValleyEmail(h, "guardian.retry@family.example");
    await eventually(
      async () =>
        (await h.db.db.select().from(outbox).where(eq(outbox.id, outboxId)))[0]!.status === "failed" ? true : undefined,
      20_000,
      "the outbox row to fail",
    );

    const listed = await eventually(
      async () => {
        const item = (await failedList(h, "intermediary@valley.example"))
          .json()
          .items.find((i: { outboxId: string }) => i.outboxId === outboxId);
        // Listed once, the outbox row and the queue's failed job merged.
        return item?.jobId === outboxId ? item : undefined;
      },
      10_000,
      "the failed job in the admin list",
    );
    expect(listed).toMatchObject({
      queue: "email",
      outboxStatus: "failed",
      attempts: RETRY.attempts,
      error: expect.stringMatching(/temporarily unavailable/i),
      email: { to: "guardian.retry@family.example", subject: "Paperwork to sign", status: "failed" },
      retryable: true,
    });

    accept();
    const res = await retry(h, "intermediary@valley.example", outboxId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outboxId, queue: "email", outboxStatus: "pending" });
    await eventually(
      async () =>
        (await h.db.db.select().from(outbox).where(eq(outbox.id, outboxId)))[0]!.status === "done" ? true : undefined,
      20_000,
      "the retried job to finish",
    );
    await h.jobs.drain();
    expect(smtp.counts.get("guardian.retry@family.example")).toBe(1);
    const [email] = await h.db.db.select().from(emails).where(eq(emails.to, "guardian.retry@family.example"));
    expect(email!.status).toBe("sent");
    expect(
      (await failedList(h, "intermediary@valley.example"))
        .json()
        .items.some((i: { outboxId: string }) => i.outboxId === outboxId),
    ).toBe(false);
    expect(
      await h.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "retry"), eq(auditLog.entityId, outboxId))),
    ).toHaveLength(1);
    // Done is done.
    expect((await retry(h, "intermediary@valley.example", outboxId)).statusCode).toBe(409);
  });

  it("shows a sweep run that kept failing, which has no outbox row and cannot be retried from here", async () => {
    const { h } = await setup(make);
    await h.driver.enqueue("sweep", { sweep: "jobs-admin-test-always-fails" }, "sweep-run-1");
    const item = await eventually(
      async () =>
        (await failedList(h, "intermediary@valley.example"))
          .json()
          .items.find((i: { jobId: string }) => i.jobId === "sweep-run-1"),
      20_000,
      "the failed sweep",
    );
    expect(item).toMatchObject({
      outboxId: null,
      queue: "sweep",
      attempts: RETRY.attempts,
      error: expect.stringContaining("the sweep's query failed"),
      email: null,
      retryable: false,
    });
  });
});

describe("who may see and retry failed jobs", () => {
  it("refuses coordinators, teachers and employers (403), hides another region's emails and answers 404 to their retry", async () => {
    const { h } = await setup(drivers[0]!.make);
    const outboxId = await queueValleyEmail(h, "guardian.hidden@family.example");
    await eventually(
      async () =>
        (await h.db.db.select().from(outbox).where(eq(outbox.id, outboxId)))[0]!.status === "failed" ? true : undefined,
      20_000,
      "the outbox row to fail",
    );
    for (const as of ["coordinator@valley.example", "teacher@valley.example", "employer@valley.example"]) {
      expect((await failedList(h, as)).statusCode).toBe(403);
      expect((await retry(h, as, outboxId)).statusCode).toBe(403);
    }
    const coast = await failedList(h, "intermediary@coast.example");
    expect(coast.statusCode).toBe(200);
    expect(coast.json().items.some((i: { outboxId: string }) => i.outboxId === outboxId)).toBe(false);
    expect((await retry(h, "intermediary@coast.example", outboxId)).statusCode).toBe(404);
    expect((await retry(h, "intermediary@valley.example", crypto.randomUUID())).statusCode).toBe(404);
    expect((await h.app.inject({ method: "GET", url: "/api/admin/jobs/failed" })).statusCode).toBe(401);
  });
});
