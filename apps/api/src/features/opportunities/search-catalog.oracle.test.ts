import { opportunities, organizations, users } from "@bridgework/db";
import {
  KINDS,
  KIND_LEVEL,
  LEVELS,
  MODALITIES,
  OPPORTUNITY_STATUSES,
  type OpportunityListQuery,
  parseSearch,
  type PersonActor,
  SECTORS,
} from "@bridgework/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { opportunityFilters } from "./list-opportunities.ts";
import { CATALOG_WORDS as POOL, seededRandom } from "../../../test/fixtures/random-catalog.ts";

/**
 * The in-memory catalog search against a straightforward SQL oracle on random catalogs: the
 * oracle splits every field into words and tries every query word against every word, with
 * the matching rules written again in SQL (word start after one plain ending, one edit within
 * a start for words of five letters or more, phrases as words in a row), and the list's
 * filters and scope from the SQL the choosers use. Both must give the same ids in the same
 * order and the same total, for every role, filter, page and query.
 */

let h: Harness;
let regionId: string;
const employerIds: string[] = [];

const STOP = ["the", "of", "and", "a"];

const ORACLE_FUNCTIONS = [
  sql`CREATE OR REPLACE FUNCTION oracle_words(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(w ORDER BY n), '{}')
    FROM regexp_split_to_table(lower(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g')), '[^a-z0-9]+')
      WITH ORDINALITY AS x(w, n)
    WHERE w <> '' $$`,
  sql`CREATE OR REPLACE FUNCTION oracle_start(q text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce((
      SELECT left(q, length(q) - length(e))
      FROM unnest(ARRAY['ings','ing','ions','ion','ers','ies','er','es','ed','s']) WITH ORDINALITY AS u(e, n)
      WHERE right(q, length(e)) = e AND length(q) - length(e) >= 4
      ORDER BY n LIMIT 1), q) $$`,
  sql`CREATE OR REPLACE FUNCTION oracle_one_edit(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT a = b
      OR (length(a) = length(b) AND (
        (SELECT count(*) FROM generate_series(1, length(a)) i WHERE substr(a, i, 1) <> substr(b, i, 1)) = 1
        OR EXISTS (SELECT 1 FROM generate_series(1, length(a) - 1) i
                   WHERE left(a, i - 1) || substr(a, i + 1, 1) || substr(a, i, 1) || substr(a, i + 2) = b)))
      OR (length(a) = length(b) + 1 AND EXISTS (SELECT 1 FROM generate_series(1, length(a)) i WHERE left(a, i - 1) || substr(a, i + 1) = b))
      OR (length(b) = length(a) + 1 AND EXISTS (SELECT 1 FROM generate_series(1, length(b)) i WHERE left(b, i - 1) || substr(b, i + 1) = a)) $$`,
  // 2: the word as typed; 1: its start, or one edit from a start of the document word; 0: no.
  sql`CREATE OR REPLACE FUNCTION oracle_word(q text, d text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN d = q THEN 2
      WHEN starts_with(d, oracle_start(q)) THEN 1
      WHEN length(q) >= 5 AND EXISTS (
        SELECT 1 FROM generate_series(length(q) - 1, least(length(q) + 1, length(d))) k WHERE oracle_one_edit(q, left(d, k))) THEN 1
      ELSE 0 END $$`,
];

/** The oracle: the list as SQL gives it, ids in order, and the total. */
async function oracle(email: string, input: OpportunityListQuery): Promise<{ ids: string[]; total: number }> {
  const [user] = await h.db.db.select().from(users).where(eq(users.email, email));
  const actor: PersonActor = {
    kind: "person",
    userId: user!.id,
    role: user!.role,
    organizationId: user!.organizationId,
    regionId: user!.regionId,
    districtId: null,
  };
  const search = parseSearch(input.q ?? "");
  const array = (words: string[]) =>
    sql`ARRAY[${sql.join(
      words.map((w) => sql`${w}::text`),
      sql`, `,
    )}]::text[]`;
  // A term in a field: the best run of the field's words matching the term's words in order
  // (2: all as typed, 1: otherwise), each pair looked up in wm.
  const inField = (t: SQL, field: SQL) => sql`(SELECT coalesce(max(x.m), 0) FROM (
      SELECT min(coalesce(wm.m, 0)) AS m
      FROM generate_series(1, cardinality(${field}) - cardinality(${t}) + 1) i
      CROSS JOIN generate_series(1, cardinality(${t})) j
      LEFT JOIN wm ON wm.q = (${t})[j] AND wm.w = (${field})[i + j - 1]
      GROUP BY i) x)`;
  const termScore = (words: string[]) => {
    const t = array(words);
    return sql`greatest(4 * ${inField(t, sql`d.tw`)}, 2 * ${inField(t, sql`d.sw`)}, ${inField(t, sql`d.dw`)})`;
  };
  const groupScores = search.groups.map(
    (g) =>
      sql`greatest(${sql.join(
        g.map((t) => termScore(t.words)),
        sql`, `,
      )})`,
  );
  const exclusions = search.excluded.map((t) => termScore(t.words));
  // Each score once per row (columns g0…, x0…), then the conditions and the order on them.
  const columns = [
    ...groupScores.map((g, i) => sql`${g} AS ${sql.raw(`g${i}`)}`),
    ...exclusions.map((x, i) => sql`${x} AS ${sql.raw(`x${i}`)}`),
  ];
  const conditions: SQL[] = [
    search.nothing ? sql`false` : sql`true`,
    ...groupScores.map((_, i) => sql.raw(`g${i} > 0`)),
    ...exclusions.map((_, i) => sql.raw(`x${i} = 0`)),
  ];
  const score = groupScores.length ? sql.raw(groupScores.map((_, i) => `g${i}`).join(" + ")) : sql`0::int`;
  const queryWords = [...new Set([...search.groups.flat(), ...search.excluded].flatMap((t) => t.words))];
  const rows = (
    await h.db.db.execute<{ id: string }>(sql`
      WITH d AS (
        SELECT ${opportunities.id} AS id, ${opportunities.createdAt} AS created_at,
          oracle_words(${opportunities.title}) AS tw, oracle_words(${opportunities.sector}) AS sw,
          oracle_words(${opportunities.description}) AS dw
        FROM ${opportunities} JOIN ${organizations} ON ${organizations.id} = ${opportunities.employerId}
        WHERE ${and(await opportunityFilters({ actor, db: h.db.db } as never, input))}
      ),
      vocab AS (SELECT DISTINCT w FROM d, unnest(d.tw || d.sw || d.dw) AS w),
      -- Every query word against every distinct word of the catalog, once.
      wm AS MATERIALIZED (
        SELECT * FROM (
          SELECT q, w, oracle_word(q, w) AS m FROM unnest(${array(queryWords.length ? queryWords : [""])}) AS q, vocab
        ) pairs WHERE m > 0
      ),
      scored AS (SELECT d.id, d.created_at${columns.length ? sql`, ${sql.join(columns, sql`, `)}` : sql``} FROM d)
      SELECT id FROM scored
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${score} DESC, created_at DESC, id DESC`)
  ).rows;
  const from = (input.page - 1) * input.pageSize;
  return { ids: rows.slice(from, from + input.pageSize).map((r) => r.id), total: rows.length };
}

async function fast(email: string, query: Record<string, string>) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/opportunities?${new URLSearchParams(query)}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { ids: body.items.map((i: { id: string }) => i.id) as string[], total: body.total as number };
}

function randomQuery(rand: () => number, length: [number, number] = [1, 3]): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const word = () => {
    const w = pick(POOL);
    const r = rand();
    if (r < 0.3) return w.slice(0, 1 + Math.floor(rand() * w.length)); // a start
    if (r < 0.5 && w.length >= 4) {
      const i = Math.floor(rand() * (w.length - 1));
      const kind = Math.floor(rand() * 4);
      if (kind === 0) return w.slice(0, i) + w.slice(i + 1); // missing letter
      if (kind === 1) return w.slice(0, i) + "x" + w.slice(i); // extra letter
      if (kind === 2) return w.slice(0, i) + "q" + w.slice(i + 1); // wrong letter
      return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // swapped
    }
    if (r < 0.55) return w.toUpperCase();
    return w;
  };
  const parts: string[] = [];
  const n = length[0] + Math.floor(rand() * (length[1] - length[0] + 1));
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.1) parts.push(`"${word()} ${word()}"`);
    else if (r < 0.2) parts.push(`-${word()}`);
    else if (r < 0.3 && parts.length) parts.push("or", word());
    else if (r < 0.35) parts.push(pick(STOP));
    else if (r < 0.38) parts.push(pick(["!?", "&|", "e-commerce", "(", "'"]));
    else parts.push(word());
  }
  return parts.join(" ");
}

/** An opportunity of the region with a random employer, kind, sector, format and state; `fields` gives the rest. */
function randomOpportunity(
  rand: () => number,
  fields: Omit<typeof opportunities.$inferInsert, "regionId" | "employerId" | "kind" | "level" | "sector" | "modality">,
) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const kind = pick(KINDS);
  return {
    regionId,
    employerId: pick(employerIds),
    kind,
    level: KIND_LEVEL[kind],
    sector: pick(SECTORS),
    modality: pick(MODALITIES),
    status: pick(OPPORTUNITY_STATUSES),
    ...fields,
  };
}

beforeAll(async () => {
  h = await createHarness();
  for (const f of ORACLE_FUNCTIONS) await h.db.db.execute(f); // each uses the ones before
  const [vmc] = await h.db.db.select().from(organizations).where(eq(organizations.name, "Valley Medical Center"));
  regionId = vmc!.regionId;
  employerIds.push(vmc!.id, await h.orgId("Sierra Builders"));
  const rand = seededRandom(20261207);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () =>
      rand() < 0.15 ? pick(STOP) : rand() < 0.1 ? pick(POOL).toUpperCase() : pick(POOL),
    ).join(rand() < 0.2 ? ", " : " ");
  const base = Date.UTC(2026, 0, 1);
  await h.db.db.insert(opportunities).values(
    Array.from({ length: 150 }, (_, i) =>
      randomOpportunity(rand, {
        title: text(1, 4),
        description: text(0, 10),
        capacity: 1 + Math.floor(rand() * 4),
        seatsTaken: 0,
        minAge: rand() < 0.3 ? 14 + Math.floor(rand() * 5) : null,
        endsAt: rand() < 0.3 ? new Date(Date.now() + (rand() - 0.5) * 1e10) : null,
        // Some share a creation time, so ties fall back to the id.
        createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      }),
    ),
  );
  await h.app.regionCache.sync(); // written as another process would: heard before the first question
}, 60_000);

afterAll(() => h?.close());

/** Random queries as random people with random filters and pages: the API must give what the oracle gives. */
async function compareRandomQueries(
  seed: number,
  count: number,
  parts?: [number, number],
): Promise<{ compared: number; nonEmpty: number; seen: Set<string> }> {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const people = [
    "intermediary@valley.example",
    "coordinator@valley.example",
    "teacher@valley.example",
    "employer@valley.example",
  ];
  let compared = 0;
  let nonEmpty = 0;
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const email = people[i % people.length]!;
    const query: Record<string, string> = { q: randomQuery(rand, parts) };
    if (rand() < 0.2) query.sector = pick(SECTORS);
    if (rand() < 0.15) query.status = pick(OPPORTUNITY_STATUSES);
    if (rand() < 0.1) query.forPlacement = "true";
    if (rand() < 0.1) query.employerId = pick(employerIds);
    if (rand() < 0.08) query.kind = pick(KINDS);
    if (rand() < 0.08) query.level = pick(LEVELS);
    if (rand() < 0.08) query.modality = pick(MODALITIES);
    if (rand() < 0.1) delete query.q;
    const pageSize = 1 + Math.floor(rand() * 30);
    const page = 1 + Math.floor(rand() * 3);
    query.pageSize = String(pageSize);
    query.page = String(page);
    const expected = await oracle(email, {
      q: query.q?.trim() || undefined,
      sector: query.sector as OpportunityListQuery["sector"],
      status: query.status as OpportunityListQuery["status"],
      forPlacement: query.forPlacement === "true" || undefined,
      employerId: query.employerId,
      kind: query.kind as OpportunityListQuery["kind"],
      level: query.level as OpportunityListQuery["level"],
      modality: query.modality as OpportunityListQuery["modality"],
      page,
      pageSize,
    });
    expect(await fast(email, query), `${email} ${JSON.stringify(query)}`).toEqual(expected);
    compared++;
    if (expected.total > 0) nonEmpty++;
    for (const id of expected.ids) seen.add(id);
  }
  return { compared, nonEmpty, seen };
}

describe("catalog search against the SQL oracle", () => {
  it("gives the same ids, order and total for 150 random queries, roles and filters", async () => {
    const { compared, nonEmpty } = await compareRandomQueries(7, 150);
    expect(compared).toBe(150);
    // The queries must exercise matching, not only agree on empty answers.
    expect(nonEmpty).toBeGreaterThan(75);
  }, 120_000);

  it("agrees on queries of four to seven words, where later words narrow by reading the few documents left", async () => {
    const { compared, nonEmpty } = await compareRandomQueries(11, 60, [4, 7]);
    expect(compared).toBe(60);
    expect(nonEmpty).toBeGreaterThan(10);
  }, 120_000);

  it("still agrees after texts, filters and new opportunities change the loaded catalog", async () => {
    await fast("intermediary@valley.example", { q: "nurse" }); // the catalog is loaded before the changes
    const rand = seededRandom(99);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const ids = (
      await h.db.db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.regionId, regionId))
    )
      .map((r) => r.id)
      .sort();
    // Some texts rewritten (the index no longer holds them), some only re-filtered (the index still does).
    for (const id of ids.slice(0, 25))
      await h.db.db
        .update(opportunities)
        .set({ title: `${pick(POOL)} ${pick(POOL)}`, description: `${pick(POOL)} ${pick(STOP)} ${pick(POOL)}` })
        .where(eq(opportunities.id, id));
    for (const id of ids.slice(25, 60))
      await h.db.db
        .update(opportunities)
        .set({ status: pick(OPPORTUNITY_STATUSES), modality: pick(MODALITIES), seatsTaken: Math.floor(rand() * 2) })
        .where(eq(opportunities.id, id));
    const added = await h.db.db
      .insert(opportunities)
      .values(
        Array.from({ length: 20 }, () =>
          randomOpportunity(rand, {
            title: `${pick(POOL)} ${pick(POOL)} ${pick(POOL)}`,
            description: `${pick(POOL)} ${pick(POOL)}`,
            capacity: 4,
          }),
        ),
      )
      .returning({ id: opportunities.id });
    await h.app.regionCache.sync();
    const { compared, nonEmpty, seen } = await compareRandomQueries(8, 100);
    expect(compared).toBe(100);
    expect(nonEmpty).toBeGreaterThan(40);
    // The rewritten and the new ones were among the answers, not only the untouched.
    expect(ids.slice(0, 25).filter((id) => seen.has(id)).length).toBeGreaterThan(5);
    expect(added.filter(({ id }) => seen.has(id)).length).toBeGreaterThan(5);
  }, 120_000);
});
