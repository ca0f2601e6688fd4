import { appendFileSync } from "node:fs";
import { afterAll, afterEach, expect } from "vitest";

/**
 * Setup file loaded only when COUNT_ASSERTIONS names an output file (see scripts/count-assertions.mjs):
 * records how many `expect` calls each test executed, so a change that makes the suite faster
 * can show it dropped none. Registered first, so (hooks run as a stack) this afterEach runs last
 * and also counts assertions made in the file's own afterEach hooks.
 */
const output = process.env.COUNT_ASSERTIONS;
const rows: string[] = [];

afterEach(({ task }) => {
  rows.push(
    JSON.stringify({
      file: task.file.filepath,
      test: task.fullName ?? task.name,
      assertions: expect.getState().assertionCalls,
    }),
  );
});

afterAll(() => {
  if (output && rows.length > 0) appendFileSync(output, `${rows.join("\n")}\n`);
});
