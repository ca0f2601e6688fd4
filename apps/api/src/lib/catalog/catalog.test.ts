import { opportunities, organizations } from "@bridgework/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";

/** The in-memory catalog stays the database's copy: what its author wrote, what another process wrote, big rewrites. */

let h: Harness;
let regionId: string;
let vmc: string;

async function search(email: string, q: string, extra: Record<string, string> = {}) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/opportunities?${new URLSearchParams({ q, ...extra })}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    items: { id: string; title: string; employerName: string; seatsLeft: number }[];
  };
}

/** Polls until `check` passes, for at most a second (what "within a second" promises another process). */
async function withinASecond(check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > 1000) throw new Error("not visible within a second");
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - t0;
}

beforeAll(async () => {
  h = await createHarness();
  vmc = await h.orgId("Valley Medical Center");
  [{ regionId }] = (await h.db.db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.id, vmc))) as [{ regionId: string }];
});
afterAll(() => h?.close());

describe("the in-memory catalog", () => {
  it("answers every one of many first questions asked at once while the region loads", async () => {
    await h.as("intermediary@coast.example"); // one login, then 20 questions at once
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => search("intermediary@coast.example", "tour", { pageSize: "1" })),
    );
    expect(new Set(answers.map((a) => a.total)).size).toBe(1);
  });

  it("shows an author's new opportunity on the very next request, to them and to others", async () => {
    const intermediary = "intermediary@valley.example";
    expect((await search(intermediary, "zebrafish")).total).toBe(0); // loaded, and kept
    const headers = await h.as("employer@valley.example");
    const created = await h.app.inject({
      method: "POST",
      url: "/api/opportunities",
      headers,
      payload: {
        kind: "industry_tour",
        sector: "Health Science and Medical Technology",
        title: "Zebrafish research lab tour",
        modality: "in_person",
        capacity: 5,
      },
    });
    expect(created.statusCode).toBe(201);
    expect((await search("employer@valley.example", "zebraf")).items.map((i) => i.title)).toEqual([
      "Zebrafish research lab tour",
    ]);
    // A draft: the intermediary sees it, a teacher does not until it is published.
    expect((await search(intermediary, "zebrafish")).total).toBe(1);
    expect((await search("teacher@valley.example", "zebrafish")).total).toBe(0);
    const id = created.json().id as string;
    expect((await h.app.inject({ method: "POST", url: `/api/opportunities/${id}/publish`, headers })).statusCode).toBe(
      200,
    );
    expect((await search("teacher@valley.example", "zebrafish")).total).toBe(1);
  });

  it("sees another process's writes within a second: a new title, seats taken, an employer's new name", async () => {
    const [row] = await h.db.db
      .insert(opportunities)
      .values({
        regionId,
        employerId: vmc,
        kind: "job_shadow",
        level: "engagement",
        sector: "Health Science and Medical Technology",
        title: "Axolotl care shadow",
        modality: "in_person",
        capacity: 2,
        status: "published",
      })
      .returning();
    const waited = await withinASecond(async () => (await search("teacher@valley.example", "axolotl")).total === 1);
    expect(waited).toBeLessThanOrEqual(1000);

    await h.db.db.update(opportunities).set({ title: "Salamander care shadow" }).where(eq(opportunities.id, row!.id));
    await withinASecond(async () => (await search("teacher@valley.example", "salamand")).total === 1);
    expect((await search("teacher@valley.example", "axolotl")).total).toBe(0);

    await h.db.db.update(opportunities).set({ seatsTaken: 2 }).where(eq(opportunities.id, row!.id));
    await withinASecond(async () => (await search("teacher@valley.example", "salamander")).items[0]?.seatsLeft === 0);

    await h.db.db.update(organizations).set({ name: "Valley Health" }).where(eq(organizations.id, vmc));
    await withinASecond(
      async () => (await search("teacher@valley.example", "salamander")).items[0]?.employerName === "Valley Health",
    );
  });

  it("keeps answering right through a rewrite of many texts (the index is rebuilt)", async () => {
    await h.db.db.insert(opportunities).values(
      Array.from({ length: 700 }, (_, i) => ({
        regionId,
        employerId: vmc,
        kind: "guest_speaker" as const,
        level: "exposure" as const,
        sector: "Health Science and Medical Technology",
        title: `Pelican talk ${i}`,
        modality: "virtual" as const,
        capacity: 30,
        status: "published" as const,
      })),
    );
    await h.app.regionCache.sync();
    expect((await search("teacher@valley.example", "pelican")).total).toBe(700);
    await h.db.db
      .update(opportunities)
      .set({ title: sql`replace(${opportunities.title}, 'Pelican', 'Heron')` })
      .where(sql`${opportunities.title} LIKE 'Pelican talk %'`);
    await h.app.regionCache.sync();
    expect((await search("teacher@valley.example", "pelican")).total).toBe(0);
    const herons = await search("teacher@valley.example", "heron", { pageSize: "100", page: "7" });
    expect(herons.total).toBe(700);
    expect(herons.items).toHaveLength(100);
    expect(herons.items.every((i) => i.title.startsWith("Heron talk "))).toBe(true);
    expect((await search("teacher@valley.example", "hern")).total).toBe(0); // four letters: no typo forgiven
    expect((await search("teacher@valley.example", "hreon")).total).toBe(700); // five: a swap is
    expect((await search("teacher@valley.example", "heronn")).total).toBe(700);
  });
});
