import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that must run in a process of their own: they start an embedded PostgreSQL (whose exit
 * hook would fire in a later file of the same process) or restart a PostgreSQL server. Each costs
 * a new process that imports everything again (~3 s of a core), so the list stays short.
 */
const ISOLATED = [
  "apps/server/test/embedded-start.test.ts",
  "apps/server/test/graceful-shutdown.test.ts",
  "apps/server/test/postgres-restart.test.ts",
  "apps/api/src/lib/region-cache-restart.test.ts",
];
/** The SPA's component tests: a DOM environment, shared by these files like the node files share theirs. */
const DOM = domTests("apps/web/src");

/**
 * The SPA's test files that ask for a DOM (`@vitest-environment jsdom` on their first lines).
 * They share one process per worker among themselves (a project of their own); the SPA's other
 * tests are plain functions and share the node files' processes.
 */
function domTests(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file))
    .filter((file) => readFileSync(file, "utf8").slice(0, 300).includes("@vitest-environment"));
}

/**
 * The longest files start first, so that the run does not end waiting on one of them alone with
 * the other core idle (a fresh clone has no timing cache to sort by). Then vitest's order.
 */
const LONGEST_FIRST = [
  "apps/worker/src/reminder-faults.test.ts",
  "apps/server/test/multi-instance.test.ts",
  "apps/web/e2e/",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // The isolated project's files right after the longest one, all together, then the DOM
    // files: they run in processes of their own, and every switch between the projects starts new
    // worker processes that import the app again (seconds of a core with no test running). Side by
    // side with the reminder fault test, the other core works through them, then both go on with
    // shared files.
    const rank = (file: TestSpecification) => {
      if (file.project.name === "isolated") return 0.5;
      if (file.project.name === "dom") return 0.6;
      const at = LONGEST_FIRST.findIndex((prefix) => file.moduleId.includes(`/${prefix}`));
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["./test/global-setup.ts"],
    // COUNT_ASSERTIONS=<file> records each test's `expect` calls (scripts/count-assertions.mjs sums them).
    setupFiles: process.env.COUNT_ASSERTIONS ? ["./test/count/count-assertions.ts"] : [],
    pool: "forks",
    // One file per core. Test files spend much of their time waiting on PostgreSQL, Chromium and
    // worker processes, but one more file than cores made timing-bound tests (50 simultaneous
    // accepts, a browser's waits) fail on a loaded 2-core machine. Each file has its own database
    // and queue prefix, so they are independent.
    maxWorkers: Number(process.env.TEST_WORKERS) || availableParallelism(),
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          // Most files share their worker process with the files it ran before (isolate: false):
          // the app, drizzle, fastify and playwright are imported once per process instead of once
          // per file (import time fell from ~860 s to ~30 s summed over files), and browser files
          // share one Chromium (test/support/browser.ts). Each file still builds its own app,
          // database, queue prefix and clients and closes them in afterAll; restore any
          // environment or mock change in the file that makes it.
          name: "shared",
          include: ["apps/**/*.test.{ts,tsx}", "packages/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", ...ISOLATED, ...DOM],
          isolate: false,
        },
      },
      { extends: true, test: { name: "dom", include: DOM, isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
