import { emails, outbox } from "@bridgework/db";
import { createBullmqDriver } from "@bridgework/jobs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { eventually } from "../../../test/support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../test/support/redis.ts";
import { startTestSmtp, type TestSmtp } from "../../../test/support/smtp.ts";
import { startWorkerProcess } from "../../../test/support/worker-process.ts";
import { createHarness, type Harness } from "./harness.ts";

const LINK = /http:\/\/bridgework\.test\/invite\/[A-Za-z0-9_-]{20,}/;
const prefix = uniqueQueuePrefix();

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});
afterAll(() => deleteQueueKeys(prefix));

/** The intermediary invites someone; returns their address. */
async function invite(h: Harness, email: string) {
  const res = await h.app.inject({
    method: "POST",
    url: "/api/users",
    headers: await h.as("intermediary@valley.example"),
    payload: { email, name: "Mina Mailed", role: "employer", organizationId: await h.orgId("Pixel Orchard Software") },
  });
  expect(res.statusCode).toBe(201);
  return email;
}

/** What the person receives: one message, to them, with a working link in text and HTML. */
async function expectOneInvitation(h: Harness, smtp: TestSmtp, to: string) {
  const [message] = await smtp.waitForMessages(1);
  expect(message!.to).toMatchObject({ text: to });
  expect(message!.subject).toContain("Pixel Orchard Software");
  const link = message!.text?.match(LINK)?.[0];
  expect(link).toBeTruthy();
  expect(message!.html || "").toContain(`href="${link}"`);
  const token = link!.split("/").pop()!;
  expect((await h.app.inject({ method: "GET", url: `/api/invitations/${token}` })).json()).toMatchObject({ email: to });
  const row = await eventually(
    async () => {
      const r = await h.lastEmailTo(to);
      return r?.status === "sent" ? r : undefined;
    },
    15_000,
    "the email row to be sent",
  );
  expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  // The worker marks the outbox row done just after the email row: wait for it too.
  const job = await eventually(
    async () => (await h.db.db.select().from(outbox).where(eq(outbox.status, "done")))[0],
    15_000,
    "the outbox row to be done",
  );
  expect(job).toBeTruthy();
  return row!;
}

describe("invitation email, end to end", () => {
  it("is delivered over SMTP once by the in-process job driver", async () => {
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const h = await createHarness({ smtpUrl: smtp.url });
    cleanups.push(() => h.close());
    const to = await invite(h, "inline.invitee@valley.example");
    await h.jobs.drain();
    await expectOneInvitation(h, smtp, to);
    expect(smtp.messages).toHaveLength(1);
    // With real SMTP there is no dev mailbox exposing emails.
    expect((await h.app.inject({ method: "GET", url: "/api/dev/mailbox" })).statusCode).toBe(404);
  });

  it("is delivered over SMTP once through BullMQ on Redis by the real worker process", {
    timeout: 90_000,
  }, async () => {
    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const driver = createBullmqDriver({ url: redisUrl(), prefix });
    // The API only writes the outbox and dispatches it; the separate worker process consumes.
    const h = await createHarness({ smtpUrl: smtp.url, driver, consume: false });
    cleanups.push(() => h.close());
    const worker = await startWorkerProcess({
      DATABASE_URL: h.db.url,
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      SWEEP_INTERVAL_SECONDS: "0",
    });
    cleanups.push(() => worker.stop());

    const health = await h.app.inject({ method: "GET", url: "/api/health" });
    expect(health.json()).toMatchObject({ status: "ok", queue: "redis", queueUp: true });

    const to = await invite(h, "queued.invitee@valley.example");
    await expectOneInvitation(h, smtp, to);
    // Both the API and the worker dispatch the outbox; jobId = outbox id keeps it to one send.
    await eventually(
      async () =>
        (await h.db.db.select().from(outbox).where(eq(outbox.status, "done"))).length === 1 ? true : undefined,
      10_000,
      "outbox done",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages).toHaveLength(1);
    const rows = await h.db.db.select().from(emails).where(eq(emails.to, to));
    expect(rows).toHaveLength(1);

    expect(await worker.stop()).toBe(0);
  });
});
