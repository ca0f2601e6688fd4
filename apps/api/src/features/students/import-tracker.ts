import type { Db } from "@bridgework/db";
import { DomainError, ImportResult, NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { z } from "zod";
import { backgroundTaskKind, type TaskRow } from "../../lib/background-tasks.ts";
import type { Ctx } from "../../lib/context.ts";
import { type PreparedImport, runStudentImport } from "./import-students.ts";

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

type Figures = ImportResult;

/**
 * Background imports (`?async=1`). The import runs in the process that took the upload; its
 * progress is a `background_tasks` row, so the progress URL answers on every API instance (no
 * sticky sessions). Only the person who started an import sees it; finished imports are
 * forgotten after an hour. An import is one transaction: if its process dies, nothing was saved,
 * and the task reads as failed once its heartbeat is old.
 */
const imports = backgroundTaskKind<Figures>({
  kind: "student-import",
  keepFinishedMs: 60 * 60 * 1000,
  diedDetail: "The server running the import stopped before it finished; nothing was saved. Import the file again.",
});

const statusOf = (task: TaskRow<Figures>): ImportStatus => ({
  id: task.id,
  status: task.status,
  processed: task.processed,
  total: task.total,
  created: task.result.created,
  updated: task.result.updated,
  errors: task.result.errors,
  detail: task.detail,
});

export function createImportTracker() {
  return {
    async start(ctx: Ctx, prepared: PreparedImport): Promise<string> {
      const errors = prepared.errors.map(({ row, message }) => ({ row, message }));
      const { task } = await imports.create(
        ctx.db,
        { regionId: ctx.actor.regionId, userId: ctx.actor.userId },
        { total: prepared.total, result: { created: 0, updated: 0, errors } },
      );
      imports.run(
        ctx.db,
        ctx.log,
        task,
        async (report) => {
          let processed = 0;
          const result = await runStudentImport({
            ctx,
            prepared,
            onProgress: (p) =>
              report({
                processed: (processed = p.processed),
                result: { created: p.created, updated: p.updated, errors: p.errors },
              }),
          });
          return { processed, result };
        },
        (error) => {
          ctx.log.error({ err: error, importId: task.id }, "student import failed");
          // Nothing was written: the import is one transaction.
          const detail =
            error instanceof DomainError
              ? error.message
              : "The import failed and nothing was saved. Quote the import id if you report it.";
          return { detail, result: { created: 0, updated: 0, errors } };
        },
      );
      return task.id;
    },

    async get(db: Db, actor: PersonActor, id: string): Promise<ImportStatus> {
      requireRole(actor, ["coordinator", "intermediary"]);
      const task = await imports.find(db, id);
      if (!task || task.userId !== actor.userId) throw new NotFound("import");
      return statusOf(task);
    },
  };
}
