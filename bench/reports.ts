/**
 * Report endpoints on 1,000,000 experiences (400k completed group engagements + 600k completed
 * placements, 1.8M hours entries) over five school years in one region of 100 districts.
 * Each endpoint (through app.inject: auth, validation, serialization included) is timed
 * against hand-written single SQL statements — over the normalized tables ("base") and over
 * the report_experiences read model ("model") — as the median of several interleaved runs.
 * Then the CSV exports are streamed over a real port while RSS is sampled.
 *
 *   pnpm bench reports            fresh database bw_bench_reports on DATABASE_URL's server (~5–15 min to generate)
 *   pnpm bench reports --reuse    keep a complete database from an earlier run
 */
import http from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createDatabase, migrateDatabase } from "@bridgework/db";
import { KIND_TO_WBL_CODE, KINDS, type PersonActor, SIMILAR_KINDS } from "@bridgework/domain";
import { createInlineDriver } from "@bridgework/jobs";
import pg from "pg";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig } from "../apps/api/src/config.ts";
import {
  calpadsBase,
  employersBase,
  equityBase,
  placementsBase,
  placementsModel,
  unmetBase,
} from "./reports-baselines.ts";
import { benchDatabaseReady, benchUrls, createBenchDatabase } from "./reports-setup.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const YEAR = { schoolYear: "2024-2025", from: "2024-07-01", to: "2025-06-30" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface Case {
  name: string;
  url: string;
  as: "intermediary" | "coordinator";
  base?: { sql: string; params: unknown[] };
  model?: { sql: string; params: unknown[] };
  target?: number;
  /** Compare the endpoint's answer with the base statement's. */
  check?: (json: unknown, base: pg.QueryResult) => string | null;
}

export async function run(flags: string[]): Promise<void> {
  const log = (line: string) => console.log(line);
  const { url } = benchUrls();
  if (flags.includes("--reuse") && (await benchDatabaseReady())) {
    log(`reusing ${url.replace(/\/\/[^@]*@/, "//")}`);
  } else {
    log(`generating a fresh data set in ${url.replace(/\/\/[^@]*@/, "//")} …`);
    const t0 = performance.now();
    await createBenchDatabase(log);
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }

  const database = createDatabase(url, { max: 6 });
  await migrateDatabase(database.db);
  const sqlClient = new pg.Client({ connectionString: url });
  await sqlClient.connect();
  const one = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
    (await sqlClient.query<T>(text, params)).rows;

  const [ids] = await one<{
    region: string;
    district: string;
    intermediary: string;
    coordinator: string;
    intermediary_org: string;
  }>(`
    SELECT r.id AS region, d.id AS district, ui.id AS intermediary, uc.id AS coordinator, ui.organization_id AS intermediary_org
    FROM regions r JOIN organizations d ON d.region_id = r.id AND d.name = 'District 1'
    JOIN users ui ON ui.email = 'intermediary@bench.example' JOIN users uc ON uc.email = 'coordinator@bench.example' WHERE r.slug = 'bench'`);
  const [counts] = await one<{ experiences: number; model: number; hours: number; students: number }>(`
    SELECT (SELECT count(*) FROM matches WHERE status = 'completed') + (SELECT count(*) FROM placements WHERE status = 'completed') AS experiences,
           (SELECT count(*) FROM report_experiences) AS model, (SELECT count(*) FROM hours_entries) AS hours, (SELECT count(*) FROM students) AS students`);
  log(
    `data: ${counts!.experiences} experiences (read model rows: ${counts!.model}), ${counts!.hours} hours entries, ${counts!.students} students`,
  );
  if (Number(counts!.model) !== Number(counts!.experiences))
    throw new Error("report_experiences is out of step with its sources");

  const config = {
    ...loadConfig({ JWT_SECRET: "bench-secret-bench-secret-bench-secret", PUBLIC_URL: "http://bench.local" }),
    webDist: null,
  };
  const app = await buildApp({ config, db: database.db, driver: createInlineDriver() });
  await app.ready();
  const actor = (role: "intermediary" | "coordinator"): PersonActor =>
    role === "intermediary"
      ? {
          kind: "person",
          userId: ids!.intermediary,
          role,
          organizationId: ids!.intermediary_org,
          regionId: ids!.region,
          districtId: null,
        }
      : {
          kind: "person",
          userId: ids!.coordinator,
          role,
          organizationId: ids!.district,
          regionId: ids!.region,
          districtId: ids!.district,
        };
  const auth = {
    intermediary: `Bearer ${app.signAccessToken(actor("intermediary"))}`,
    coordinator: `Bearer ${app.signAccessToken(actor("coordinator"))}`,
  };

  const year = [ids!.region, YEAR.from, YEAR.to];
  const similar = KINDS.flatMap((k) => (SIMILAR_KINDS[k] ?? []).map((s) => [k, s] as [string, string]));
  const totalsMatch = (json: unknown, base: pg.QueryResult) => {
    const t = (json as { totals: Record<string, number> }).totals;
    const b =
      base.rows.find((r) => Object.values(r).length && r.sector === null && r.level === null) ?? base.rows.at(-1)!;
    const same =
      t.experiences === b.experiences &&
      t.students === b.students &&
      t.seats === b.seats &&
      Math.abs(t.hours! - b.hours) < 0.01 &&
      t.employers === b.employers &&
      t.newEmployers === b.new_employers;
    return same ? null : `totals differ: endpoint ${JSON.stringify(t)} vs SQL ${JSON.stringify(b)}`;
  };
  const cases: Case[] = [
    {
      name: "placements, region, sector × level, one year",
      url: `/api/reports/placements?groupBy=sector,level&from=${YEAR.from}&to=${YEAR.to}`,
      as: "intermediary",
      base: { sql: placementsBase(["sector", "level"]), params: year },
      model: { sql: placementsModel(["sector", "level"]), params: year },
      target: 300,
      check: totalsMatch,
    },
    {
      name: "placements, region, totals only, one year",
      url: `/api/reports/placements?from=${YEAR.from}&to=${YEAR.to}`,
      as: "intermediary",
      base: { sql: placementsBase([]), params: year },
      model: { sql: placementsModel([]), params: year },
    },
    {
      name: "placements, region, district × kind, one year",
      url: `/api/reports/placements?groupBy=district,kind&from=${YEAR.from}&to=${YEAR.to}`,
      as: "intermediary",
      base: { sql: placementsBase(["district_id", "kind"]), params: year },
      model: { sql: placementsModel(["district_id", "kind"]), params: year },
    },
    {
      name: "placements, coordinator, school × month, one year",
      url: `/api/reports/placements?groupBy=school,month&from=${YEAR.from}&to=${YEAR.to}`,
      as: "coordinator",
      base: { sql: placementsBase(["school_id", "to_char(day, 'YYYY-MM')"], true), params: [...year, ids!.district] },
      model: { sql: placementsModel(["school_id", "to_char(day, 'YYYY-MM')"], true), params: [...year, ids!.district] },
    },
    {
      name: "unmet demand, region",
      url: "/api/reports/unmet-demand",
      as: "intermediary",
      base: { sql: unmetBase(similar), params: [ids!.region] },
    },
    {
      name: "equity by gender, region, one year",
      url: `/api/reports/equity?dimension=gender&schoolYear=${YEAR.schoolYear}`,
      as: "intermediary",
      base: { sql: equityBase, params: year },
    },
    {
      name: "employer engagement, region, one year",
      url: `/api/reports/employers?schoolYear=${YEAR.schoolYear}`,
      as: "intermediary",
      base: { sql: employersBase, params: year },
    },
    {
      name: "CALPADS WBLR CSV, region, one year",
      url: `/api/exports/calpads-wbl.csv?schoolYear=${YEAR.schoolYear}`,
      as: "intermediary",
      base: { sql: calpadsBase(KIND_TO_WBL_CODE as Record<string, string>), params: year },
    },
    {
      name: "CALPADS validation (page of 100), region",
      url: `/api/exports/calpads-wbl/validation?schoolYear=${YEAR.schoolYear}`,
      as: "intermediary",
    },
    {
      name: "C6 self-assessment with evidence, region",
      url: `/api/self-assessment?schoolYear=${YEAR.schoolYear}`,
      as: "intermediary",
    },
  ];
  // The statements and the endpoint share session settings: reports raise work_mem for their statement only.
  await sqlClient.query("SET work_mem = '32MB'");

  const cpu = await time(() => sqlClient.query("SELECT count(*) FROM generate_series(1, 5000000)"));
  log(
    `machine: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        " ",
      )} on ${availableParallelism()} cores; count(*) over generate_series(5e6) takes ${cpu.toFixed(0)} ms (≈300 ms on an idle core)`,
  );
  log(
    `\n${"report".padEnd(48)} ${"endpoint".padStart(9)} ${"SQL base".padStart(9)} ${"ratio".padStart(6)} ${"SQL model".padStart(9)} ${"ratio".padStart(6)}  target`,
  );

  for (const c of cases) {
    const inject = async () => {
      const res = await app.inject({ method: "GET", url: c.url, headers: { authorization: auth[c.as] } });
      if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    // Warm caches and plans once, and check the answers agree.
    const first = await inject();
    if (c.base && c.check) {
      const problem = c.check(first.json(), await sqlClient.query(c.base.sql, c.base.params));
      if (problem) log(`  ! ${c.name}: ${problem}`);
    } else if (c.base) await sqlClient.query(c.base.sql, c.base.params);
    if (c.model) await sqlClient.query(c.model.sql, c.model.params);
    const t = { endpoint: [] as number[], base: [] as number[], model: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      t.endpoint.push(await time(inject));
      if (c.base) t.base.push(await time(() => sqlClient.query(c.base!.sql, c.base!.params)));
      if (c.model) t.model.push(await time(() => sqlClient.query(c.model!.sql, c.model!.params)));
    }
    const e = median(t.endpoint);
    const cell = (xs: number[]) =>
      xs.length
        ? `${ms(median(xs))} ${(e / median(xs)).toFixed(2).padStart(5)}×`
        : `${"—".padStart(9)} ${"".padStart(6)}`;
    const target = c.target ? (e <= c.target ? `≤ ${c.target} ms ✓` : `≤ ${c.target} ms ✗`) : "";
    log(`${c.name.padEnd(48)} ${ms(e)} ${cell(t.base)} ${cell(t.model)}  ${target}`);
  }

  await streamingMemory(app, auth.intermediary, log);
  await app.close();
  await sqlClient.end();
  await database.close();
}

/** Streams big CSVs over a real socket, reading slowly enough to apply backpressure, and reports the peak RSS growth. */
async function streamingMemory(
  app: Awaited<ReturnType<typeof buildApp>>,
  authorization: string,
  log: (line: string) => void,
) {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  log("\nstreaming CSV over http://127.0.0.1 (memory sampled after a full GC every 100 ms while the client reads):");
  for (const path of [
    `/api/exports/calpads-wbl.csv?schoolYear=${YEAR.schoolYear}`,
    "/api/reports/placements.csv?groupBy=district,school,kind,month",
  ]) {
    gc();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, heap: before.heapUsed };
    // Live heap = heap right after a full GC: what the server actually holds while streaming.
    const sample = () => {
      gc();
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heap = Math.max(peak.heap, m.heapUsed);
    };
    const sampler = setInterval(sample, 100);
    const t0 = performance.now();
    const { bytes, lines } = await new Promise<{ bytes: number; lines: number }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path, headers: { authorization } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
          let bytes = 0;
          let lines = 0;
          res.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            for (const b of chunk) if (b === 10) lines++;
          });
          res.on("end", () => resolve({ bytes, lines }));
          res.on("error", reject);
        })
        .on("error", reject);
    });
    clearInterval(sampler);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    log(
      `  ${path}\n    ${lines - 1} rows, ${mb(bytes)} of CSV in ${((performance.now() - t0) / 1000).toFixed(1)} s; live heap (after GC) peak +${mb(peak.heap - before.heapUsed)}, RSS peak +${mb(peak.rss - before.rss)} (from ${mb(before.rss)})`,
    );
  }
}
