import { createDatabase, type Database } from "@bridgework/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { unlessSweeping } from "./sweep-lock.ts";

/** Two workers (two pools on one database) never run the scheduled sweeps at the same time. */

let first: TestDatabase;
let second: Database;

beforeAll(async () => {
  first = await createTestDatabase();
  second = createDatabase(first.url);
});
afterAll(async () => {
  await second?.close();
  await first?.destroy();
});

describe("the sweep lock", () => {
  it("skips a run while another process's run holds it, and lets the next one through after", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const running = unlessSweeping(first.db, async () => {
      entered();
      await held;
      return "first";
    });
    await inside;
    expect(await unlessSweeping(second.db, async () => "second")).toBeNull();
    release();
    expect(await running).toBe("first");
    expect(await unlessSweeping(second.db, async () => "second")).toBe("second");
  });

  it("lets go when the run throws", async () => {
    await expect(unlessSweeping(first.db, async () => Promise.reject(new Error("sweep failed")))).rejects.toThrow(
      "sweep failed",
    );
    expect(await unlessSweeping(second.db, async () => "after")).toBe("after");
  });
});
