import { describe, expect, it } from "vitest";
import { createInlineDriver } from "./inline-driver.ts";
import type { Processors } from "./queues.ts";

describe("the in-process driver's counts (what the metrics show without Redis)", () => {
  it("counts jobs waiting, running, backing off before a retry, and failed for good, per queue", async () => {
    const driver = createInlineDriver({ concurrency: 1, backoffMs: 60_000 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const processors: Processors = {
      email: async ({ emailId }) => {
        if (emailId.startsWith("0")) throw new Error("SMTP refused");
        await held;
        return "done";
      },
      sweep: async () => "done",
      "district-export": async () => "done",
    };
    await driver.start(processors);
    await driver.enqueue("email", { emailId: "11111111-1111-4111-8111-111111111111" }, "running");
    await driver.enqueue("email", { emailId: "00000000-0000-4000-8000-000000000000" }, "failing");
    const counts = async () => (await driver.counts()).find((c) => c.queue === "email");
    expect(await counts()).toEqual({ queue: "email", waiting: 1, active: 1, delayed: 0, failed: 0 });
    release();
    // The failing job ran once and waits a minute for its second attempt.
    for (let i = 0; i < 100 && (await counts())!.delayed === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await counts()).toEqual({ queue: "email", waiting: 0, active: 0, delayed: 1, failed: 0 });
    expect((await driver.counts()).map((c) => c.queue).sort()).toEqual(["district-export", "email", "sweep"]);
    await driver.close();
    expect(await counts()).toEqual({ queue: "email", waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it("keeps a job that exhausted its retries as failed", async () => {
    const driver = createInlineDriver({ backoffMs: 1 });
    await driver.start({
      email: async () => Promise.reject(new Error("SMTP refused")),
      sweep: async () => "done",
      "district-export": async () => "done",
    });
    await driver.enqueue("email", { emailId: "00000000-0000-4000-8000-000000000000" }, "doomed");
    await driver.idle();
    expect((await driver.counts()).find((c) => c.queue === "email")).toEqual({
      queue: "email",
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 1,
    });
    await driver.close();
  });
});
