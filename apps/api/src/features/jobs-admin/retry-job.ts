import { emails, outbox } from "@bridgework/db";
import { Conflict, NotFound, requireRole, say } from "@bridgework/domain";
import type { JobDriver, QueueName } from "@bridgework/jobs";
import { and, eq, inArray } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { outboxIn, selectOutboxRows } from "./jobs-admin.queries.ts";

/**
 * Puts a job that gave up back in line: drops the queue's failed copy (jobId = outbox id, so an
 * enqueue under that id would otherwise be ignored), resets the outbox row to pending and its
 * email from failed to queued; the dispatcher hands it over again, with a fresh set of retries.
 * Side effects: an audit row. 409 when the job has not failed; 404 for another region's email.
 */
export async function retryJob({ ctx, driver, outboxId }: { ctx: Ctx; driver: JobDriver; outboxId: string }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const [row] = await selectOutboxRows(ctx.db, actor, outboxIn([outboxId]));
  if (!row) throw new NotFound("job");
  const forgotten = await driver.forgetFailed(row.queue as QueueName, row.id);
  if (row.status !== "failed" && !(row.status === "dispatched" && forgotten)) {
    throw new Conflict("invalid-transition", say("job-not-failed", { status: row.status }));
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(outbox)
      .set({ status: "pending", availableAt: now, dispatchedAt: null, lastError: null })
      .where(and(eq(outbox.id, row.id), inArray(outbox.status, ["failed", "dispatched"])))
      .returning({ id: outbox.id });
    if (!reset) throw new Conflict("invalid-transition", say("job-just-retried"));
    if (row.email)
      await tx
        .update(emails)
        .set({ status: "queued" })
        .where(and(eq(emails.id, row.email.id), eq(emails.status, "failed")));
    await audit(tx, actor, "retry", "job", row.id, { queue: row.queue, attempts: row.attempts, error: row.lastError });
  });
  ctx.kick();
  return { outboxId: row.id, queue: row.queue, outboxStatus: "pending" as const };
}
