import { createBullmqDriver, createInlineDriver, type JobDriver, RETRY } from "@bridgework/jobs";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { eventually } from "../../../test/support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { createMailer } from "./mailer.ts";
import { type JobsRuntime, startJobs, SWEEP_SCHEDULE } from "./runtime.ts";
import type { Sweeps } from "./sweeps.ts";

// Only this file's sweeps run here: the runtime is given them instead of the feature sweeps.
const runs: Date[] = [];
let running = 0;
let overlapped = false;
let failing = false;
const sweeps: Sweeps = {
  "schedule-test-counter": async ({ now }) => {
    running++;
    overlapped ||= running > 1;
    runs.push(now);
    await new Promise((r) => setTimeout(r, 150));
    running--;
    return 0;
  },
  "schedule-test-sometimes-fails": async () => {
    if (failing) throw new Error("reminder query timed out");
    return 0;
  },
};

const prefixes: string[] = [];
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
  for (const prefix of prefixes) await deleteQueueKeys(prefix);
});
const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (stops.length > 0) await stops.pop()!();
  runs.length = 0;
  overlapped = false;
  failing = false;
});

async function consumer(driver: JobDriver, sweepIntervalMs: number): Promise<JobsRuntime> {
  const jobs = await startJobs({
    db: db.db,
    driver,
    mailer: createMailer(undefined),
    sweeps,
    log: pino({ level: "silent" }),
    consume: true,
    sweepIntervalMs,
  });
  stops.push(() => jobs.stop());
  return jobs;
}

function bullmq() {
  const prefix = uniqueQueuePrefix();
  prefixes.push(prefix);
  return () => createBullmqDriver({ url: redisUrl(), prefix, backoffMs: 5 });
}

describe("scheduled sweeps", () => {
  it("run from one BullMQ job scheduler: two workers sharing it run each interval once, one run at a time", async () => {
    const make = bullmq();
    const started = Date.now();
    await consumer(make(), 400);
    await consumer(make(), 400);
    await eventually(async () => (runs.length >= 4 ? true : undefined), 30_000, "four scheduled runs");
    const elapsed = Date.now() - started;
    // Both workers upserted the same scheduler: at most one run per 400 ms slot (plus the first, at once).
    expect(runs.length).toBeLessThanOrEqual(Math.floor(elapsed / 400) + 2);
    expect(overlapped).toBe(false);
  });

  it("run on an in-process timer without Redis, never two at once even when a run outlasts the interval", async () => {
    await consumer(createInlineDriver({ backoffMs: 5 }), 50);
    await eventually(async () => (runs.length >= 4 ? true : undefined), 30_000, "four timed runs");
    expect(overlapped).toBe(false);
  });

  it.each([
    { name: "BullMQ", make: () => bullmq()() },
    { name: "in-process", make: () => createInlineDriver({ backoffMs: 5 }) },
  ])(
    "($name) keep running the other sweeps when one fails, retry the run, and leave it visibly failed",
    async ({ make }) => {
      failing = true;
      const driver = make();
      await consumer(driver, 60_000);
      const failed = await eventually(
        async () => (await driver.failed()).find((j) => j.queue === "sweep"),
        30_000,
        "the sweep run to fail for good",
      );
      expect(failed).toMatchObject({
        attempts: RETRY.attempts,
        error: expect.stringContaining("schedule-test-sometimes-fails: reminder query timed out"),
      });
      expect(failed.jobId).toContain(SWEEP_SCHEDULE);
      // Every attempt still ran the sweep that works.
      expect(runs.length).toBeGreaterThanOrEqual(RETRY.attempts);
    },
  );
});
