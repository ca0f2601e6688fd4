import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createInlineDriver } from "@bridgework/jobs";
import { composeApp } from "@bridgework/server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { pino } from "pino";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../../apps/api/src/config.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WEB_DIST = path.join(ROOT, "apps/web/dist");
/**
 * Debian's Chromium, as its headless-only build (package chromium-headless-shell, the same
 * version and Blink): what playwright itself runs headless tests in. The full browser's
 * `--headless=new` builds each context's window (views, toolbar, profile services) although
 * nothing is shown: the shell took a quarter less CPU for the same browser files (51 → 39 s of
 * Chromium CPU for six of them). Without the shell, /usr/bin/chromium runs them the slower way.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
export const DEMO_PASSWORD = "bridgework-demo";

export interface TestServer {
  /** http://127.0.0.1:<port>, also the PUBLIC_URL used in emails. */
  url: string;
  db: TestDatabase;
  /** Logs in through the API and returns an Authorization header value. */
  bearer(email: string, password?: string): Promise<string>;
  /** A JSON API call to set up a test's preconditions (the UI does the job under test); throws on a non-2xx answer, 204 → null. */
  call<T>(authorization: string | null, method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real API serving the built SPA on a free port, over a fresh database with the demo
 * regions, with jobs (email delivery into the dev mailbox) running in-process.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(
      `The SPA is not built (${WEB_DIST}/index.html is missing). Run \`pnpm --filter @bridgework/web build\` first; \`pnpm test\` does it for you.`,
    );
  }
  // The whole demo, history included (a copy of the template seeded once per run).
  const db = await createTestDatabase({ seed: "demo-history" });
  const config = {
    ...loadConfig({ JWT_SECRET: "browser-test-secret-browser-test-secret", NODE_ENV: "test", ...env }, ROOT),
    webDist: WEB_DIST,
    smtpUrl: undefined,
  };
  const driver = createInlineDriver({ backoffMs: 20 });
  // No sweep schedule: reminders are not part of the browser flows (and their links would carry
  // the config's placeholder address, not this port).
  const { app, jobs } = await composeApp({ config, db: db.db, driver, log: pino({ level: "silent" }), consume: true });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("the test server has no TCP address");
  const url = `http://127.0.0.1:${address.port}`;
  // The port is known only now; links in emails (invitations) must point at this server.
  config.publicUrl = url;

  return {
    url,
    db,
    async bearer(email, password = DEMO_PASSWORD) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    },
    async call<T>(authorization: string | null, method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {};
      if (authorization) headers.authorization = authorization;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    },
    async close() {
      await app.close();
      await jobs.stop();
      await db.destroy();
    },
  };
}

/**
 * playwright-core's own `--disable-features` list (chromiumSwitches.ts, playwright-core 1.65):
 * Chromium keeps only the last `--disable-features` switch, so ours must repeat it.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Every browser context is a window of its own, and Chromium builds each window's address-bar
 * pop-ups (two WebUI pages in a renderer process of their own) although headless Chromium never
 * shows them: about half the CPU a new context and its first page cost, for every context the
 * suite opens. Pages render the same without them.
 */
const NEVER_SHOWN_WINDOW_UI = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

const CHROMIUM_ARGS = [
  // The full browser's own headless mode; the shell is headless already.
  ...(CHROMIUM_PATH.endsWith("headless-shell") ? [] : ["--headless=new"]),
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NEVER_SHOWN_WINDOW_UI].join(",")}`,
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium driven by playwright-core (no browser download). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. Install it with \`apt-get install -y chromium chromium-headless-shell\` (.ci/run does this).`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    expectPlaywrightFeaturesKept();
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * The browser process just started (a child of this process) was given playwright's own
 * `--disable-features` first and ours last: every feature playwright disables must be in ours,
 * else a newer playwright-core's list has grown and PLAYWRIGHT_DISABLED_FEATURES must follow it.
 */
function expectPlaywrightFeaturesKept(): void {
  if (!existsSync("/proc/self/stat")) return;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // gone meanwhile
    }
    const lists = args
      .filter((arg) => arg.startsWith("--disable-features="))
      .map((arg) => arg.split("=")[1]!.split(","));
    if (lists.length < 2) continue;
    const missing = lists[0]!.filter((feature) => !lists.at(-1)!.includes(feature));
    if (missing.length > 0)
      throw new Error(
        `playwright-core now disables ${missing.join(", ")} too: add them to PLAYWRIGHT_DISABLED_FEATURES in test/support/browser.ts`,
      );
  }
}

/**
 * One Chromium per test worker process, shared by the browser files that process runs one after
 * another (vitest.config.ts runs them unisolated): launching costs a second or two of a loaded
 * core per file. Tests never share state through it — each opens a context of its own (own
 * cookies, storage, locale) — and it ends with the worker process. A browser that crashed or
 * was closed is replaced.
 */
let shared: Promise<Browser> | null = null;
export function sharedBrowser(): Promise<Browser> {
  if (shared) {
    const current = shared;
    return current.then(
      (browser) => (browser.isConnected() ? browser : ((shared = null), sharedBrowser())),
      () => ((shared = null), sharedBrowser()),
    );
  }
  shared = launchBrowser();
  return shared;
}

/** Closes the contexts a file left open on the shared browser (the browser itself stays for the next file). */
async function closeContexts(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close().catch(() => undefined)));
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and CSP violations seen so far. */
  problems: string[];
}

/** A fresh context (no cookies, English locale) whose page errors and CSP violations are collected. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  /** `headers` go with every request of the page (e.g. X-Forwarded-For: a person on another network). */
  options: { locale?: string; headers?: Record<string, string> } = {},
): Promise<BrowserPage> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? "en-US",
    ...(options.headers ? { extraHTTPHeaders: options.headers } : {}),
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  // Generous: two test files run side by side on two cores, and a page can be slow to answer then.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text()))
      problems.push(`CSP: ${message.text()}`);
  });
  return { context, page, problems };
}

/**
 * The server one browser-test file uses, and the worker's Chromium (`sharedBrowser`): the server
 * starts before its tests and closes after them, with the contexts they left open. Read `suite.server` and `suite.browser` inside the tests.
 */
/** `env` is laid over the server's configuration (e.g. TRUST_PROXY, as behind a production proxy). */
export function browserSuite(env: Record<string, string> = {}): {
  readonly server: TestServer;
  readonly browser: Browser;
} {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startTestServer(env), sharedBrowser()]);
  });
  afterAll(async () => {
    await closeContexts(suite.browser);
    await suite.server?.close();
  });
  return suite;
}

/**
 * Sets the reader's language in the header's selector (labelled in the current language) and
 * waits until the server has saved it: a later page load takes the saved language, so switching
 * again before the save arrives could be undone by it.
 */
export async function switchLanguage(page: Page, label: string, code: "en" | "es"): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH"),
    page.getByLabel(label).selectOption(code),
  ]);
}

/** Logs in from the login page with a demo account and waits for the home page's welcome. */
export async function logInAs(page: Page, email: string, welcome: string | RegExp = /^Welcome/): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { level: 1, name: welcome }).waitFor();
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};
type AxeWindow = { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };

/**
 * axe-core run in the page itself, as `@axe-core/playwright` does in legacy mode, but with its
 * 550 KB source injected once per page rather than on every check (a page of the SPA stays the same
 * document across its routes), and only violations collected in detail (`resultTypes`): passes
 * are counted, not described. Three to five times faster per check, the same rules and verdicts.
 */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[] }> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) =>
      (window as unknown as AxeWindow).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  );
}

/** Runs axe (WCAG 2.x A/AA rules and best practices) on the page as it is and fails on serious or critical violations. */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  // A dialog fading out or an alert fading in is drawn half-transparent: axe would measure its
  // contrast mid-way. Look at the page once its transitions have ended. A closing dialog is
  // removed by a timer that ends with its transition, its title first: while a dialog is there,
  // give that timer a moment and wait for what it started.
  const settled = () =>
    page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await settled();
  if (await page.evaluate(() => document.querySelector('[role="dialog"]') !== null)) {
    await page.waitForTimeout(150);
    await settled();
  }
  const results = await runAxe(page);
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const report = bad
      .map(
        (v) =>
          `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`).join("\n")}`,
      )
      .join("\n");
    throw new Error(`Accessibility violations on ${what}:\n${report}`);
  }
}

/**
 * At phone width nothing sticks out sideways (no horizontal scrolling, no clipped buttons); on
 * failure the message names the elements that reach past the window's right edge.
 */
export async function expectFitsWidth(page: Page): Promise<void> {
  // A closing dialog or a sliding drawer is drawn moved or scaled until its transition ends.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const { overflow, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = Array.from(document.querySelectorAll<HTMLElement>("body *"))
      // The outermost elements that reach past the edge (their parent does not): where it starts.
      .filter(
        (el) =>
          el.getBoundingClientRect().right > width + 0.5 &&
          el.getClientRects().length > 0 &&
          (el.parentElement?.getBoundingClientRect().right ?? 0) <= width + 0.5,
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")} right=${Math.round(el.getBoundingClientRect().right)} "${(el.textContent ?? "").slice(0, 40)}"`,
      );
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
  // A sub-pixel overhang (a border at 390.4 px) rounds up to 1 px of scroll width but clips nothing.
  if (overflow > 1 || (overflow > 0 && culprits.length > 0))
    throw new Error(
      `the page scrolls sideways by ${overflow}px at ${page.viewportSize()?.width}px wide; widest: ${culprits.join("; ")}`,
    );
}

/** Follows a main-navigation entry by its label; the entry's name may end with what waits there ("Approval queue, 2 waiting"). */
export function clickNav(page: Page, label: string): Promise<void> {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: new RegExp(`^${escaped}(\\s?, \\d+ waiting)?$`) })
    .click();
}
