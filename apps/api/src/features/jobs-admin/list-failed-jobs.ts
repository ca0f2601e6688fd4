import type { JobDriver } from "@bridgework/jobs";
import { type PageQuery, requireRole } from "@bridgework/domain";
import type { Ctx } from "../../lib/context.ts";
import { type FailedJob, failedOutbox, outboxIn, selectOutboxRows } from "./jobs-admin.queries.ts";

/** Failed outbox rows looked at, newest first: enough for an admin view, bounded for a region with a mail outage. */
const MAX_ROWS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Jobs that gave up, from both places they can show it: outbox rows marked failed after the
 * last attempt, and the queue's failed jobs (BullMQ keeps them; a job can fail there without
 * its row knowing, e.g. after stalling on two dying workers). One item per job, newest first.
 * Intermediary only; emails of other regions are not shown.
 */
export async function listFailedJobs({ ctx, driver, input }: { ctx: Ctx; driver: JobDriver; input: PageQuery }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const queued = await driver.failed();
  const failedRows = await selectOutboxRows(ctx.db, actor, failedOutbox).limit(MAX_ROWS);
  const known = new Set(failedRows.map((r) => r.id));
  const queuedOnly = queued.filter((j) => UUID.test(j.jobId) && !known.has(j.jobId)).map((j) => j.jobId);
  const rows = [
    ...failedRows,
    ...(queuedOnly.length > 0 ? await selectOutboxRows(ctx.db, actor, outboxIn(queuedOnly)) : []),
  ];
  const queuedById = new Map(queued.map((j) => [j.jobId, j]));

  const items: FailedJob[] = rows.map((row) => {
    const job = queuedById.get(row.id);
    return {
      outboxId: row.id,
      queue: row.queue,
      jobId: job?.jobId ?? null,
      outboxStatus: row.status,
      attempts: Math.max(row.attempts, job?.attempts ?? 0),
      error: job?.error ?? row.lastError ?? "failed",
      failedAt: job?.failedAt ?? null,
      createdAt: row.createdAt.toISOString(),
      email: row.email,
      retryable: row.status === "failed" || (row.status === "dispatched" && job !== undefined),
    };
  });
  // Failed jobs without an outbox row (scheduled sweep runs): ids only, nothing personal.
  for (const job of queued) {
    if (UUID.test(job.jobId)) continue;
    items.push({
      outboxId: null,
      queue: job.queue,
      jobId: job.jobId,
      outboxStatus: null,
      attempts: job.attempts,
      error: job.error,
      failedAt: job.failedAt,
      createdAt: null,
      email: null,
      retryable: false,
    });
  }
  const when = (item: FailedJob) => item.failedAt ?? item.createdAt ?? "";
  items.sort((a, b) => when(b).localeCompare(when(a)));
  const start = (input.page - 1) * input.pageSize;
  return {
    items: items.slice(start, start + input.pageSize),
    total: items.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}
