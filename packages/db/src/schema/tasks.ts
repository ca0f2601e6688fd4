import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns.ts";
import { regions, users } from "./identity.ts";

export const BACKGROUND_TASK_KINDS = ["student-import", "district-erasure"] as const;
export type BackgroundTaskKind = (typeof BACKGROUND_TASK_KINDS)[number];
export const backgroundTaskStatusEnum = pgEnum("background_task_status", ["running", "done", "failed"]);

/**
 * Progress of work an API request started and left running after answering 202 (an async student
 * import, a district erasure). Kept here, not in the process that runs it, so any API instance can
 * answer the progress URL and a restart loses nothing but the work itself (apps/api/src/lib/background-tasks.ts).
 * `heartbeat_at` moves while the process works: a `running` task whose heartbeat is old belongs to
 * a process that died and reads as failed.
 */
export const backgroundTasks = pgTable(
  "background_tasks",
  {
    id: id(),
    kind: text().$type<BackgroundTaskKind>().notNull(),
    regionId: uuid()
      .notNull()
      .references(() => regions.id, { onDelete: "cascade" }),
    /** Who started it. */
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What it works on when one at a time matters (the district being erased). */
    subjectId: uuid(),
    status: backgroundTaskStatusEnum().notNull().default("running"),
    processed: integer().notNull().default(0),
    total: integer().notNull().default(0),
    /** The kind's own figures (import: created/updated/errors; erasure: counts). */
    result: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    detail: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.kind, t.finishedAt),
    index().on(t.userId),
    index().on(t.regionId),
    // One running task per subject and kind (one erasure of a district at a time), across instances.
    uniqueIndex("background_tasks_one_running")
      .on(t.kind, t.subjectId)
      .where(sql`${t.status} = 'running' AND ${t.subjectId} IS NOT NULL`),
  ],
);
