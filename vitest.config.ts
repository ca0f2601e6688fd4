import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/**/*.test.{ts,tsx}", "packages/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["./test/global-setup.ts"],
    // COUNT_ASSERTIONS=<file> records each test's `expect` calls (scripts/count-assertions.mjs sums them).
    setupFiles: process.env.COUNT_ASSERTIONS ? ["./test/count/count-assertions.ts"] : [],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
