import { backgroundTasks, organizations, regions, users } from "@bridgework/db";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.ts";
import { eventually } from "../../../../test/support/eventually.ts";
import { backgroundTaskKind, PROGRESS_WRITE_MS } from "./background-tasks.ts";

/**
 * The store behind async imports and district erasures, against PostgreSQL: what one process
 * writes another reads, a dead process's task reads as failed, one running task per subject.
 */

let database: TestDatabase;
let owner: { regionId: string; userId: string };
const log = pino({ level: "silent" });
const tasks = backgroundTaskKind<{ done: number }>({
  kind: "student-import",
  keepFinishedMs: 60 * 60 * 1000,
  diedDetail: "The server stopped.",
});
const erasures = backgroundTaskKind<{ done: number }>({
  kind: "district-erasure",
  keepFinishedMs: 60 * 60 * 1000,
  diedDetail: "Stopped part-way.",
});

beforeAll(async () => {
  database = await createTestDatabase();
  const [region] = await database.db.insert(regions).values({ name: "Tasks", slug: "tasks" }).returning();
  const [org] = await database.db
    .insert(organizations)
    .values({ regionId: region!.id, type: "intermediary", name: "Tasks Office" })
    .returning();
  const [user] = await database.db
    .insert(users)
    .values({
      regionId: region!.id,
      organizationId: org!.id,
      email: "tasks@example.test",
      name: "Tasks",
      role: "intermediary",
    })
    .returning();
  owner = { regionId: region!.id, userId: user!.id };
});
afterAll(async () => database?.destroy());

describe("background tasks", () => {
  it("writes the latest progress within PROGRESS_WRITE_MS for any reader, then the end", async () => {
    const { task } = await tasks.create(database.db, owner, { total: 1000, result: { done: 0 } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    tasks.run(
      database.db,
      log,
      task,
      async (report) => {
        for (let i = 1; i <= 1000; i++) report({ processed: i, result: { done: i } });
        await gate;
        return { processed: 1000, result: { done: 1000 } };
      },
      () => ({ detail: "failed", result: { done: 0 } }),
    );
    // A second reader (another instance) sees the progress once it is written.
    const seen = await eventually(
      async () => {
        const found = await tasks.find(database.db, task.id);
        return found!.processed === 1000 ? found : undefined;
      },
      10 * PROGRESS_WRITE_MS,
      "progress to be written",
    );
    expect(seen).toMatchObject({ status: "running", total: 1000, result: { done: 1000 } });
    release();
    const done = await eventually(
      async () => {
        const found = await tasks.find(database.db, task.id);
        return found?.status === "done" ? found : undefined;
      },
      5_000,
      "the end to be written",
    );
    expect(done).toMatchObject({ processed: 1000, detail: null, userId: owner.userId });
  });

  it("reads a running task whose heartbeat stopped as failed, with the kind's words", async () => {
    const { task } = await tasks.create(database.db, owner, { total: 10, result: { done: 0 } });
    expect((await tasks.find(database.db, task.id))!.status).toBe("running");
    // The process died: nobody moves the heartbeat any more.
    await database.db
      .update(backgroundTasks)
      .set({ heartbeatAt: sql`now() - interval '31 seconds'` })
      .where(eq(backgroundTasks.id, task.id));
    expect(await tasks.find(database.db, task.id)).toMatchObject({ status: "failed", detail: "The server stopped." });
  });

  it("records a failure with the feature's detail and figures", async () => {
    const { task } = await tasks.create(database.db, owner, { total: 5, result: { done: 0 } });
    tasks.run(
      database.db,
      log,
      task,
      async () => Promise.reject(new Error("boom")),
      () => ({ detail: "Nothing was saved.", result: { done: 0 } }),
    );
    const failed = await eventually(
      async () => {
        const found = await tasks.find(database.db, task.id);
        return found?.status === "failed" ? found : undefined;
      },
      5_000,
      "the failure to be written",
    );
    expect(failed).toMatchObject({ detail: "Nothing was saved.", result: { done: 0 } });
  });

  it("runs one task per subject at a time: a second start follows the running one", async () => {
    const subject = { ...owner, subjectId: owner.regionId };
    const [first, second] = await Promise.all([
      erasures.create(database.db, subject, { total: 1, result: { done: 0 } }),
      erasures.create(database.db, subject, { total: 1, result: { done: 0 } }),
    ]);
    expect([first.started, second.started].sort()).toEqual([false, true]);
    expect(first.task.id).toBe(second.task.id);
  });

  it("forgets a finished task after its keeping time", async () => {
    const { task } = await tasks.create(database.db, owner, { total: 1, result: { done: 0 } });
    await database.db
      .update(backgroundTasks)
      .set({ status: "done", finishedAt: sql`now() - interval '61 minutes'` })
      .where(eq(backgroundTasks.id, task.id));
    expect(await tasks.find(database.db, task.id)).toBeNull();
    expect(await database.db.$count(backgroundTasks, eq(backgroundTasks.id, task.id))).toBe(0);
  });
});
