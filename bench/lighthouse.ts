/**
 * Lighthouse on the built SPA, cold (no cache): the login page, the home a visitor lands on
 * ("/", which sends a logged-out visitor to the login page), the public "Get involved" page, and
 * the intermediary's dashboard after logging in. The goal (issue 18): performance ≥ 90 and
 * accessibility 100 on each; docs/architecture.md, "First page".
 *
 *   pnpm --filter @bridgework/web build
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench lighthouse [--runs=3] [--preset=mobile] [--save=DIR] [--only=dashboard] [--cpu-slowdown=4] [--dist=DIR]
 *
 * `--runs=N` runs each page N times and reports the median run by performance score (the scores
 * move with whatever else the machine is doing: "CPU" is Lighthouse's benchmark index of it, and
 * a busy two-core machine gives a fraction of an idle one's). `--save=DIR` keeps each page's full
 * Lighthouse report (JSON) there, and the page load's trace (.trace.json, for DevTools'
 * Performance panel). `--only=NAME[,NAME]` runs only the pages whose name contains one of them
 * (`--only=dashboard`); `--dist=DIR` serves another build of the SPA (another commit's, to
 * compare). `--cpu-slowdown=N` has Lighthouse's simulation count every task N times longer (its
 * `cpuSlowdownMultiplier`; the desktop preset's is 1): a steadier stand-in for a busy machine
 * than the load of the moment, as an idle one scores near 100 whatever the page does.
 *
 * The app runs in this process as `pnpm start` serves it (the API serving apps/web/dist with its
 * Brotli copies) over a fresh database with the demo regions, on 127.0.0.1. Chromium is Debian's
 * (/usr/bin/chromium, or CHROMIUM_PATH), started by playwright-core with a remote debugging port
 * that Lighthouse drives. Desktop preset by default: Lighthouse's mobile preset simulates a slow
 * 4G link and a CPU four times slower than this machine's, which is not what a local server
 * measures; `--preset=mobile` runs it anyway.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, migrateDatabase } from "@bridgework/db";
import { seedDemo } from "@bridgework/db/seed";
import { createInlineDriver } from "@bridgework/jobs";
import { composeApp } from "@bridgework/server";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";
import pg from "pg";
import { chromium } from "playwright-core";
import { pino } from "pino";
import { loadConfig } from "../apps/api/src/config.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WEB_DIST = path.join(ROOT, "apps/web/dist");
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BENCH_DB = "bw_bench_lighthouse";
const DEMO_PASSWORD = "bridgework-demo";
const GOAL = { performance: 90, accessibility: 100 };

interface Page {
  name: string;
  path: string;
  /** Logged in as this demo account first (the refresh cookie stays in the browser). */
  as?: string;
}

const PAGES: Page[] = [
  { name: "login", path: "/login" },
  { name: "home (/ logged out)", path: "/" },
  { name: "get involved", path: "/get-involved" },
  { name: "dashboard", path: "/dashboard", as: "intermediary@valley.example" },
];

/** A fresh, migrated database with the demo regions (history included: the dashboard has numbers). */
async function benchDatabase() {
  const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${BENCH_DB}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  const database = createDatabase(url.toString());
  await migrateDatabase(database.db);
  await seedDemo(database.db);
  return {
    url: url.toString(),
    ...database,
    destroy: async () => (await database.close(), await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`)),
  };
}

interface Row {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
  /** Lighthouse's measure of the machine's speed during the run (an idle desktop: 1000–2000). */
  cpu: number;
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

function table(rows: Row[], preset: string): string {
  const head = [
    "page",
    "perf",
    "a11y",
    "best pr.",
    "FCP ms",
    "LCP ms",
    "TBT ms",
    "CLS",
    "CPU",
    "goal (perf ≥ 90, a11y 100)",
  ];
  const body = rows.map((r) => [
    r.page,
    String(r.performance),
    String(r.accessibility),
    String(r.bestPractices),
    r.fcp.toFixed(0),
    r.lcp.toFixed(0),
    r.tbt.toFixed(0),
    r.cls.toFixed(3),
    r.cpu.toFixed(0),
    r.performance >= GOAL.performance && r.accessibility >= GOAL.accessibility ? "met" : "not met",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [`Lighthouse 12, ${preset}, cold cache`, line(head), ...body.map(line)].join("\n");
}

/**
 * One page in a Chromium of its own (a fresh profile: nothing cached, no other tab). A persistent
 * context is the browser's default one, where Lighthouse opens its tab, so the refresh cookie a
 * login leaves there is the one the page load sends; storage is then kept (not reset) for that run.
 */
async function audit(
  page: Page,
  origin: string,
  preset: "desktop" | "mobile",
  saveDir?: string,
  cpuSlowdown?: number,
): Promise<Row> {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = mkdtempSync(path.join(tmpdir(), "bw-lighthouse-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", `--remote-debugging-port=${port}`],
  });
  try {
    if (page.as) {
      const res = await browser.request.post(`${origin}/api/auth/login`, {
        data: { email: page.as, password: DEMO_PASSWORD },
      });
      if (!res.ok()) throw new Error(`login ${page.as}: ${res.status()} ${await res.text()}`);
    }
    const flags: Flags = {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      disableStorageReset: page.as !== undefined,
      ...(cpuSlowdown ? { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } : {}),
    };
    const result = await lighthouse(`${origin}${page.path}`, flags, preset === "desktop" ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
    const { lhr } = result;
    if (saveDir) {
      const name = `${page.path.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "root"}-${Date.now()}.json`;
      mkdirSync(saveDir, { recursive: true });
      writeFileSync(path.join(saveDir, name), result.report as string);
      // The page load's trace too, to open in Chromium's DevTools (Performance → Load profile).
      writeFileSync(path.join(saveDir, name.replace(/\.json$/, ".trace.json")), JSON.stringify(result.artifacts.Trace));
    }
    if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failing = Object.values(lhr.categories)
      .filter((c) => c.id !== "performance")
      .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1))
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]!.title}`);
    return {
      page: `${page.name} → ${lhr.finalDisplayedUrl.replace(origin, "")}`,
      performance: score(lhr.categories.performance?.score),
      accessibility: score(lhr.categories.accessibility?.score),
      bestPractices: score(lhr.categories["best-practices"]?.score),
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      failing,
      cpu: lhr.environment.benchmarkIndex,
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Lighthouse sometimes loses a page load's trace (NO_NAVSTART: "Please run Lighthouse again"). */
async function withRetry<T>(attempt: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= times || !String(error).includes("NO_NAVSTART")) throw error;
      console.log(`  (Lighthouse lost the trace, again: ${i + 1}/${times})`);
    }
  }
}

export async function run(args: string[]): Promise<void> {
  const preset = args.find((a) => a.startsWith("--preset="))?.slice("--preset=".length) ?? "desktop";
  const saveDir = args.find((a) => a.startsWith("--save="))?.slice("--save=".length);
  const only = args
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",")
    .filter(Boolean);
  const pages = only ? PAGES.filter((p) => only.some((name) => p.name.includes(name))) : PAGES;
  if (pages.length === 0)
    throw new Error(`--only=${only?.join(",")} names none of: ${PAGES.map((p) => p.name).join(", ")}`);
  const runs = Number(args.find((a) => a.startsWith("--runs="))?.slice("--runs=".length) ?? 1);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs=N takes a whole number of runs per page");
  const slowdownArg = args.find((a) => a.startsWith("--cpu-slowdown="))?.slice("--cpu-slowdown=".length);
  const cpuSlowdown = slowdownArg === undefined ? undefined : Number(slowdownArg);
  if (cpuSlowdown !== undefined && !(cpuSlowdown >= 1)) throw new Error("--cpu-slowdown=N takes a number, 1 or more");
  if (preset !== "desktop" && preset !== "mobile")
    throw new Error(`--preset=desktop or --preset=mobile, not ${preset}`);
  const webDist = path.resolve(args.find((a) => a.startsWith("--dist="))?.slice("--dist=".length) ?? WEB_DIST);
  if (!existsSync(path.join(webDist, "index.html")))
    throw new Error(`The SPA is not built (${webDist}/index.html is missing): pnpm --filter @bridgework/web build`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);

  let started = Date.now();
  const db = await benchDatabase();
  console.log(`database: migrated and seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const config = {
    ...loadConfig({ JWT_SECRET: "bench-secret-bench-secret-bench-secret", DATABASE_URL: db.url }, ROOT),
    webDist,
    smtpUrl: undefined,
  };
  const driver = createInlineDriver();
  const { app, jobs } = await composeApp({ config, db: db.db, driver, log: pino({ level: "silent" }), consume: true });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  config.publicUrl = origin;

  const rows: Row[] = [];
  try {
    for (const page of pages) {
      started = Date.now();
      const tries: Row[] = [];
      for (let i = 0; i < runs; i++)
        tries.push(await withRetry(() => audit(page, origin, preset, saveDir, cpuSlowdown)));
      // The median run by performance score: one run on a busy machine can be far off.
      rows.push(tries.sort((a, b) => a.performance - b.performance)[Math.floor((runs - 1) / 2)]!);
      console.log(`${page.path}: ${runs} run(s) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await app.close();
    await jobs.stop();
    await db.destroy();
  }
  console.log(
    `\n${table(rows, cpuSlowdown ? `${preset} preset, CPU ${cpuSlowdown}× slower (simulated)` : `${preset} preset`)}`,
  );
  for (const r of rows) if (r.failing.length) console.log(`\n${r.page} — failing audits:\n  ${r.failing.join("\n  ")}`);
  if (preset === "desktop")
    console.log("\n(desktop preset: the mobile one's simulated slow 4G and 4× CPU slowdown do not fit a local server)");
}
