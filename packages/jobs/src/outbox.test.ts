import { outbox } from "@bridgework/db";
import { Queue } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { createBullmqDriver } from "./bullmq-driver.ts";
import type { JobDriver } from "./driver.ts";
import { createInlineDriver } from "./inline-driver.ts";
import { dispatchOutbox, queueEmail, REDISPATCH_AFTER_MS } from "./outbox.ts";

const prefix = uniqueQueuePrefix();
let db: TestDatabase;
let bullmq: JobDriver;
let queue: Queue;
beforeAll(async () => {
  db = await createTestDatabase();
  // A producer only: nothing consumes, so the queue shows exactly what was handed over.
  bullmq = createBullmqDriver({ url: redisUrl(), prefix });
  queue = new Queue("email", { connection: { url: redisUrl() }, prefix });
});
afterAll(async () => {
  await queue.close();
  await bullmq.close();
  await db.destroy();
  await deleteQueueKeys(prefix);
});

/** Wraps a driver to count how often each job id was handed to it. */
function recording(driver: JobDriver) {
  const calls = new Map<string, number>();
  const wrapped: JobDriver = {
    ...driver,
    async enqueue(name, payload, jobId) {
      calls.set(jobId, (calls.get(jobId) ?? 0) + 1);
      await driver.enqueue(name, payload, jobId);
    },
  };
  return { driver: wrapped, calls };
}

async function queueEmails(count: number, key: string) {
  await db.db.transaction(async (tx) => {
    for (let i = 0; i < count; i++)
      await queueEmail(tx, {
        dedupeKey: `${key}:${i}`,
        regionId: null,
        to: `p${i}@example.test`,
        subject: "s",
        text: "t",
      });
  });
  return (await db.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "pending")))
    .map((r) => r.id)
    .sort();
}

describe("dispatchOutbox", () => {
  it("hands each outbox row over once when dispatchers run concurrently and again, with jobId = outbox id", async () => {
    const ids = await queueEmails(60, "concurrent");
    const { driver, calls } = recording(bullmq);
    const counts = await Promise.all([
      dispatchOutbox(db.db, driver),
      dispatchOutbox(db.db, driver),
      dispatchOutbox(db.db, driver),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(await dispatchOutbox(db.db, driver)).toBe(0);
    expect([...calls.keys()].sort()).toEqual(ids);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    const jobs = await queue.getJobs(["waiting", "prioritized", "delayed"]);
    expect(jobs.map((j) => j.id).sort()).toEqual(ids);
    const rows = await db.db.select().from(outbox);
    expect(rows.every((r) => r.status === "dispatched" && r.attempts === 1)).toBe(true);
  });

  it("hands over again a row left unfinished past the redispatch delay, and the queue still holds it once", async () => {
    const ids = (await db.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id).sort();
    const { driver, calls } = recording(bullmq);
    const later = new Date(Date.now() + REDISPATCH_AFTER_MS + 60_000);
    expect(await dispatchOutbox(db.db, driver, later)).toBe(ids.length);
    expect([...calls.keys()].sort()).toEqual(ids);
    // BullMQ ignores an add with a jobId it already holds: redispatch never duplicates work.
    expect(await queue.count()).toBe(ids.length);
  });

  it("does not hand over rows whose time has not come", async () => {
    const { driver, calls } = recording(bullmq);
    expect(await dispatchOutbox(db.db, driver, new Date(Date.now() + 1000))).toBe(0);
    expect(calls.size).toBe(0);
  });
});

describe("the in-process driver", () => {
  it("runs a job enqueued twice under one id only once", async () => {
    const driver = createInlineDriver();
    const runs: string[] = [];
    await driver.start({
      email: async ({ emailId }) => {
        runs.push(emailId);
        await new Promise((r) => setTimeout(r, 20));
        return "done";
      },
      sweep: async () => "done",
      "district-export": async () => "done",
    });
    const emailId = "3b8f4c9e-2f7a-4d1b-9c55-0a1b2c3d4e5f";
    await Promise.all([driver.enqueue("email", { emailId }, "job-1"), driver.enqueue("email", { emailId }, "job-1")]);
    await driver.idle();
    expect(runs).toEqual([emailId]);
    await driver.close();
  });
});
