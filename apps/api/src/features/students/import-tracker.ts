import { randomUUID } from "node:crypto";
import { DomainError, ImportResult, NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { z } from "zod";
import type { Ctx } from "../../lib/context.ts";
import { type ImportProgress, type PreparedImport, runStudentImport } from "./import-students.ts";

export const ImportStatus = z.object({
  id: z.uuid(),
  status: z.enum(["running", "done", "failed"]),
  processed: z.number().int(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: ImportResult.shape.errors,
  detail: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatus>;

const KEEP_FINISHED_MS = 60 * 60 * 1000;

/**
 * Progress of background imports (`?async=1`), kept in this process's memory: the import runs
 * where it was uploaded, so behind a load balancer the progress URL must reach the same
 * instance (sticky sessions) or the client waits on the synchronous form instead. Only the
 * person who started an import sees it; finished imports are forgotten after an hour.
 */
export function createImportTracker() {
  const jobs = new Map<string, { userId: string; status: ImportStatus; finishedAt: number | null }>();

  function prune(now: number) {
    for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }

  return {
    start(ctx: Ctx, prepared: PreparedImport): string {
      prune(ctx.clock.now().getTime());
      const id = randomUUID();
      const progress = (p: ImportProgress): ImportStatus => ({ id, status: "running", detail: null, ...p });
      const job = { userId: ctx.actor.userId, status: progress({ processed: 0, total: prepared.total, created: 0, updated: 0, errors: [] }), finishedAt: null as number | null };
      jobs.set(id, job);
      runStudentImport({ ctx, prepared, onProgress: (p) => (job.status = progress(p)) })
        .then(() => (job.status = { ...job.status, status: "done" }))
        .catch((error: unknown) => {
          ctx.log.error({ err: error, importId: id }, "student import failed");
          // Nothing was written: the import is one transaction.
          const detail = error instanceof DomainError ? error.message : "The import failed and nothing was saved. Quote the import id if you report it.";
          job.status = { ...job.status, status: "failed", created: 0, updated: 0, detail };
        })
        .finally(() => (job.finishedAt = ctx.clock.now().getTime()));
      return id;
    },

    get(actor: PersonActor, id: string): ImportStatus {
      requireRole(actor, ["coordinator", "intermediary"]);
      const job = jobs.get(id);
      if (!job || job.userId !== actor.userId) throw new NotFound("import");
      return job.status;
    },
  };
}
