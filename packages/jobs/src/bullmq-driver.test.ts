import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/eventually.ts";
import { clientsNamed, deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { createBullmqDriver } from "./bullmq-driver.ts";

const prefix = uniqueQueuePrefix();
afterAll(() => deleteQueueKeys(prefix));

describe("the BullMQ driver", () => {
  it("runs a job enqueued twice under one id only once, and reports Redis as up", async () => {
    const driver = createBullmqDriver({ url: redisUrl(), prefix });
    const runs: string[] = [];
    try {
      await driver.start({
        email: async ({ emailId }) => {
          runs.push(emailId);
          return "done";
        },
        sweep: async () => "done",
        "district-export": async () => "done",
      });
      expect(await driver.ping()).toBe(true);
      const emailId = "3b8f4c9e-2f7a-4d1b-9c55-0a1b2c3d4e5f";
      await driver.enqueue("email", { emailId }, "job-1");
      await driver.enqueue("email", { emailId }, "job-1");
      await eventually(async () => (runs.length > 0 ? true : undefined), 5_000, "the job to run");
      await driver.idle();
      expect(runs).toEqual([emailId]);
    } finally {
      await driver.close();
    }
  });

  it("runs a job that failed for good again when its id is enqueued again (the outbox re-dispatching a row whose failure was never recorded)", async () => {
    const driver = createBullmqDriver({ url: redisUrl(), prefix, backoffMs: 5 });
    let databaseUp = false;
    const runs: boolean[] = [];
    try {
      await driver.start({
        email: async () => {
          runs.push(databaseUp);
          if (!databaseUp) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
          return "done";
        },
        sweep: async () => "done",
        "district-export": async () => "done",
      });
      const emailId = "5d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
      await driver.enqueue("email", { emailId }, "job-outage");
      await eventually(
        async () => ((await driver.failed()).some((j) => j.jobId === "job-outage") ? true : undefined),
        10_000,
        "the job to fail for good",
      );
      expect(runs).toEqual([false, false, false, false, false]);

      databaseUp = true;
      await driver.enqueue("email", { emailId }, "job-outage");
      await eventually(async () => (runs.at(-1) === true ? true : undefined), 10_000, "the job to run again");
      await driver.idle();
      expect(runs.filter(Boolean)).toHaveLength(1);
      expect((await driver.failed()).some((j) => j.jobId === "job-outage")).toBe(false);
    } finally {
      await driver.close();
    }
  });

  it("releases every Redis connection it opened when closed", async () => {
    const driver = createBullmqDriver({ url: redisUrl(), prefix });
    await driver.start({ email: async () => "done", sweep: async () => "done", "district-export": async () => "done" });
    expect((await clientsNamed(prefix)).length).toBeGreaterThan(0);
    await driver.close();
    // Left-open connections would keep a worker process (and a test run) from exiting.
    await eventually(
      async () => ((await clientsNamed(prefix)).length === 0 ? true : undefined),
      5_000,
      "connections to close",
    ).catch(async () => {
      expect(await clientsNamed(prefix)).toEqual([]);
    });
  });
});
