import { backgroundTasks, type BackgroundTaskKind, type Db } from "@bridgework/db";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";

/** How often a running task writes its progress (and so its heartbeat): throttled, not per row. */
export const PROGRESS_WRITE_MS = 500;
/** A `running` task whose heartbeat is older than this belongs to a process that died. */
export const STALE_AFTER_MS = 30_000;

export type TaskStatus = "running" | "done" | "failed";

export interface TaskRow<R> {
  id: string;
  regionId: string;
  userId: string;
  subjectId: string | null;
  status: TaskStatus;
  processed: number;
  total: number;
  result: R;
  detail: string | null;
}

export interface TaskProgress<R> {
  processed: number;
  result: R;
}

export interface TaskKindOptions {
  kind: BackgroundTaskKind;
  /** A finished task is forgotten this long after it ended. */
  keepFinishedMs: number;
  /** What a person reads when the process running the task died (no heartbeat for STALE_AFTER_MS). */
  diedDetail: string;
}

/**
 * Background work an API request starts and answers 202 for, with its progress in PostgreSQL
 * (`background_tasks`), so every API instance answers the progress URL and no sticky sessions
 * are needed. The work itself runs in the process that took the request; while it runs, its
 * latest progress is written every PROGRESS_WRITE_MS (that write is the heartbeat). Who may read
 * a task is the caller's rule (`find` returns the row; the feature checks owner or region).
 * Times are the database's (`now()`), so instances with skewed clocks agree.
 */
export function backgroundTaskKind<R extends object>(options: TaskKindOptions) {
  const { kind, keepFinishedMs, diedDetail } = options;
  const columns = {
    id: backgroundTasks.id,
    regionId: backgroundTasks.regionId,
    userId: backgroundTasks.userId,
    subjectId: backgroundTasks.subjectId,
    status: backgroundTasks.status,
    processed: backgroundTasks.processed,
    total: backgroundTasks.total,
    result: backgroundTasks.result,
    detail: backgroundTasks.detail,
  };
  // The row's jsonb holds what this kind wrote: its figures, R.
  const asTask = (row: Omit<TaskRow<R>, "result"> & { result: Record<string, unknown> }): TaskRow<R> => ({
    ...row,
    result: row.result as R,
  });
  const asJson = (result: R) => result as Record<string, unknown>;

  /** Running tasks of dead processes become failed; finished ones past their keeping time go. */
  async function tidy(db: Db, where: ReturnType<typeof sql>) {
    await db
      .update(backgroundTasks)
      .set({ status: "failed", detail: diedDetail, finishedAt: sql`now()` })
      .where(
        and(
          eq(backgroundTasks.kind, kind),
          eq(backgroundTasks.status, "running"),
          sql`${backgroundTasks.heartbeatAt} < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})`,
          where,
        ),
      );
    await db
      .delete(backgroundTasks)
      .where(
        and(
          eq(backgroundTasks.kind, kind),
          sql`${backgroundTasks.finishedAt} < now() - make_interval(secs => ${keepFinishedMs / 1000})`,
        ),
      );
  }

  return {
    /**
     * Records a new running task. With `subjectId`, a task of this kind already running on that
     * subject (on any instance) is returned instead, with `started: false`: one at a time.
     */
    async create(
      db: Db,
      owner: { regionId: string; userId: string; subjectId?: string },
      initial: { total: number; result: R },
    ): Promise<{ task: TaskRow<R>; started: boolean }> {
      await tidy(db, sql`true`);
      // The running task that refused our row may finish before we read it: then insert again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const [created] = await db
          .insert(backgroundTasks)
          .values({
            kind,
            regionId: owner.regionId,
            userId: owner.userId,
            subjectId: owner.subjectId ?? null,
            total: initial.total,
            result: asJson(initial.result),
          })
          .onConflictDoNothing()
          .returning(columns);
        if (created) return { task: asTask(created), started: true };
        // Only the one-running-per-subject index can refuse the row, so there is a subject.
        const [running] = await db
          .select(columns)
          .from(backgroundTasks)
          .where(
            and(
              eq(backgroundTasks.kind, kind),
              eq(backgroundTasks.subjectId, owner.subjectId!),
              eq(backgroundTasks.status, "running"),
            ),
          );
        if (running) return { task: asTask(running), started: false };
      }
      throw new Error(`background task ${kind}: could neither start one nor find the one running`);
    },

    /**
     * Runs `work` in the background (the request has answered). `report` may be called as often
     * as the work likes; only the latest progress is written, every PROGRESS_WRITE_MS. The end
     * (done, or failed with `onError`'s detail and figures) is written at once.
     */
    run(
      db: Db,
      log: FastifyBaseLogger,
      task: TaskRow<R>,
      work: (report: (progress: TaskProgress<R>) => void) => Promise<TaskProgress<R>>,
      onError: (error: unknown, last: TaskProgress<R>) => { detail: string; result: R },
    ): void {
      let latest: TaskProgress<R> = { processed: task.processed, result: task.result };
      let writing: Promise<unknown> = Promise.resolve();
      const write = () => {
        const progress = latest;
        writing = writing
          .then(() =>
            db
              .update(backgroundTasks)
              .set({ processed: progress.processed, result: asJson(progress.result), heartbeatAt: sql`now()` })
              .where(and(eq(backgroundTasks.id, task.id), eq(backgroundTasks.status, "running"))),
          )
          .catch((error: unknown) =>
            log.warn({ err: error, taskId: task.id }, "could not record a background task's progress"),
          );
      };
      const timer = setInterval(write, PROGRESS_WRITE_MS);
      const finish = async (status: "done" | "failed", progress: TaskProgress<R>, detail: string | null) => {
        clearInterval(timer);
        await writing;
        await db
          .update(backgroundTasks)
          .set({
            status,
            processed: progress.processed,
            result: asJson(progress.result),
            detail,
            finishedAt: sql`now()`,
            heartbeatAt: sql`now()`,
          })
          .where(eq(backgroundTasks.id, task.id));
      };
      work((progress) => (latest = progress))
        .then(
          (end) => finish("done", end, null),
          (error: unknown) => {
            const failed = onError(error, latest);
            return finish("failed", { processed: latest.processed, result: failed.result }, failed.detail);
          },
        )
        .catch((error: unknown) => {
          // The end could not be written (the database went away): the heartbeat stops, and the
          // task reads as failed after STALE_AFTER_MS.
          clearInterval(timer);
          log.error({ err: error, taskId: task.id }, "could not record the end of a background task");
        });
    },

    /** The task with this id, or null if there is none (or it was forgotten). A dead process's task reads as failed. */
    async find(db: Db, id: string): Promise<TaskRow<R> | null> {
      await tidy(db, eq(backgroundTasks.id, id));
      const [row] = await db
        .select(columns)
        .from(backgroundTasks)
        .where(and(eq(backgroundTasks.id, id), eq(backgroundTasks.kind, kind)));
      return row ? asTask(row) : null;
    },
  };
}
