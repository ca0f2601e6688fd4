import { opportunities, organizations, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createMatchVia, insertOpportunity, insertRequest } from "../../test/fixtures/match.fixtures.ts";
import { createRegionCache, type RegionCache } from "./region-cache.ts";

let h: Harness;
let cache: RegionCache;
let valley: string;
let coast: string;
let shadowId: string;

beforeAll(async () => {
  h = await createHarness();
  cache = createRegionCache(h.db.db);
  valley = (await h.db.db.select().from(users).where(eq(users.email, "teacher@valley.example")))[0]!.regionId;
  coast = (await h.db.db.select().from(users).where(eq(users.email, "teacher@coast.example")))[0]!.regionId;
  await until(async () => (await listenerPids()).length === 2); // the app's and this test's
  // A little of the region's brokering: one published opportunity, a request and a match on it.
  shadowId = (await insertOpportunity(h, { kind: "job_shadow", title: "Job shadow in the lab" })).id;
  const request = await insertRequest(h, { kind: "job_shadow" });
  await createMatchVia(h, "teacher@valley.example", request.id, shadowId);
});
afterAll(async () => {
  await cache.close();
  await h.close();
});

async function until(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const listenerPids = async () =>
  (
    await h.db.pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    )
  ).rows.map((r) => r.pid);

/** A computation that counts its runs and answers with the run number. */
function counter() {
  let runs = 0;
  const compute = async () => String(++runs);
  return { compute, runs: () => runs };
}

describe("region cache", () => {
  it("keeps an answer from its second ask: one asked for once is not kept", async () => {
    const c = counter();
    const entries = cache.stats().entries;
    expect(await cache.get(valley, "once", c.compute)).toBe("1");
    expect(cache.stats().entries).toBe(entries);
    expect(await cache.get(valley, "once", c.compute)).toBe("2");
    expect(cache.stats().entries).toBe(entries + 1);
    expect(await cache.get(valley, "once", c.compute)).toBe("2");
  });

  it("answers again from memory until something in the region changes, and only that region's answers go", async () => {
    const a = counter();
    const b = counter();
    await cache.get(valley, "k", a.compute); // asked once: not kept
    await cache.get(coast, "k", b.compute);
    expect(await cache.get(valley, "k", a.compute)).toBe("2");
    expect(await cache.get(valley, "k", a.compute)).toBe("2");
    expect(await cache.get(coast, "k", b.compute)).toBe("2");
    await h.db.db.update(opportunities).set({ updatedAt: new Date() }).where(eq(opportunities.regionId, valley));
    await cache.sync();
    // A key answered before is asked for again: kept at once.
    expect(await cache.get(valley, "k", a.compute)).toBe("3");
    expect(await cache.get(valley, "k", a.compute)).toBe("3");
    expect(await cache.get(coast, "k", b.compute)).toBe("2");
    expect([a.runs(), b.runs()]).toEqual([3, 2]);
  });

  it("drops answers on changes to requests, matches, employers and feedback too", async () => {
    const c = counter();
    await cache.get(valley, "facts", c.compute);
    expect(await cache.get(valley, "facts", c.compute)).toBe("2"); // kept from here
    const touch = (table: string) => async () => {
      const { rowCount } = await h.db.pool.query(`UPDATE ${table} SET updated_at = now() WHERE region_id = $1`, [
        valley,
      ]);
      expect(rowCount).toBeGreaterThan(0);
    };
    const writes = [
      touch("requests"),
      touch("matches"),
      () => h.db.db.update(organizations).set({ askCapPerMonth: 9 }).where(eq(organizations.regionId, valley)),
      // Feedback names no region: every region's answers go.
      () => h.db.pool.query("UPDATE match_feedback SET comment = comment"),
    ];
    for (const [i, write] of writes.entries()) {
      await write();
      await cache.sync();
      expect(await cache.get(valley, "facts", c.compute)).toBe(String(i + 3));
    }
  });

  it("does not keep an answer computed while the region changed under it", async () => {
    const c = counter();
    const racing = async () => {
      const body = await c.compute();
      await h.db.pool.query("UPDATE opportunities SET updated_at = now() WHERE region_id = $1", [valley]);
      await cache.sync();
      return body;
    };
    await cache.get(valley, "race", c.compute); // asked once before: the next answer would be kept
    expect(await cache.get(valley, "race", racing)).toBe("2");
    expect(await cache.get(valley, "race", c.compute)).toBe("3");
    expect(await cache.get(valley, "race", c.compute)).toBe("3");
  });

  it("serves nothing from memory while it cannot hear changes, and forgets everything on reconnecting", async () => {
    const c = counter();
    await cache.get(valley, "lost", c.compute);
    await cache.get(valley, "lost", c.compute); // kept
    await h.db.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    await until(async () => (await cache.get(valley, "lost", c.compute)) !== "2");
    await until(async () => (await listenerPids()).length === 2); // both reconnected
    const now = await cache.get(valley, "lost", c.compute);
    expect(await cache.get(valley, "lost", c.compute)).toBe(now);
  });

  it("counts its hits, misses and the answers it evicts to stay under its size (the metrics read these)", async () => {
    const small = createRegionCache(h.db.db, { maxBytes: 10 });
    try {
      // Once it listens, a second ask is answered from memory.
      await until(async () => {
        await small.get(coast, "probe", async () => "p");
        return small.stats().hits > 0;
      });
      const start = small.stats();
      const body = (text: string) => async () => text;
      await small.get(valley, "a", body("aaaa")); // miss, asked once: not kept
      await small.get(valley, "a", body("aaaa")); // miss, kept
      await small.get(valley, "a", body("aaaa")); // hit
      await small.get(valley, "b", body("bbbb")); // miss, not kept
      await small.get(valley, "b", body("bbbb")); // miss, kept: 9 bytes with the probe
      await small.get(valley, "c", body("cccc")); // miss, not kept
      await small.get(valley, "c", body("cccc")); // miss, kept: over 10 bytes, the least recently used (the probe, then a) go
      const now = small.stats();
      expect({
        hits: now.hits - start.hits,
        misses: now.misses - start.misses,
        evictions: now.evictions - start.evictions,
      }).toEqual({ hits: 1, misses: 6, evictions: 2 });
      expect({ entries: now.entries, bytes: now.bytes }).toEqual({ entries: 2, bytes: 8 });
    } finally {
      await small.close();
    }
  });
});

describe("cached answers over HTTP", () => {
  const search = async (as: string, q: string) =>
    (
      await h.app.inject({
        method: "GET",
        url: `/api/opportunities?q=${encodeURIComponent(q)}`,
        headers: await h.as(as),
      })
    ).json() as { items: Array<{ id: string; title: string }>; total: number };

  it("shows a teacher an intermediary's edit right away, and a change made by another process once it is heard", async () => {
    const id = shadowId;
    expect((await search("teacher@valley.example", "shadow")).items.map((o) => o.title)).toEqual([
      "Job shadow in the lab",
    ]);
    const edit = await h.app.inject({
      method: "PATCH",
      url: `/api/opportunities/${id}`,
      headers: await h.as("intermediary@valley.example"),
      payload: { title: "Job shadow (new date)" },
    });
    expect(edit.statusCode).toBe(200);
    expect((await search("teacher@valley.example", "shadow")).items.find((o) => o.id === id)?.title).toBe(
      "Job shadow (new date)",
    );

    await h.db.db.update(opportunities).set({ title: "Job shadow (moved)" }).where(eq(opportunities.id, id));
    await h.app.regionCache.sync();
    expect((await search("teacher@valley.example", "shadow")).items.find((o) => o.id === id)?.title).toBe(
      "Job shadow (moved)",
    );
  });

  it("answers the same bytes the uncached route gives, with a JSON content type", async () => {
    const teacher = await h.app.inject({
      method: "GET",
      url: "/api/opportunities?pageSize=5",
      headers: await h.as("teacher@valley.example"),
    });
    const again = await h.app.inject({
      method: "GET",
      url: "/api/opportunities?pageSize=5",
      headers: await h.as("teacher2@valley.example"),
    });
    const intermediary = await h.app.inject({
      method: "GET",
      url: "/api/opportunities?pageSize=5&status=published",
      headers: await h.as("intermediary@valley.example"),
    });
    expect(teacher.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(again.body).toBe(teacher.body);
    expect(teacher.json()).toEqual(intermediary.json());
  });
});
