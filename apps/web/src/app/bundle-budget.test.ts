import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { firstPageScripts } from "../../scripts/first-page.ts";

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");

/**
 * The first page's script budget, in gzipped KB: lower it when a change makes the page lighter;
 * raise it only with the reason in the commit (the English text grows with every feature: the
 * events pages added 3 KB). 200 is the goal of issue 18; most of it is React DOM, Mantine,
 * i18next, TanStack Router and Query, and the English text — no zod, no date-fns, no form
 * library (docs/architecture.md, "First page").
 */
const FIRST_PAGE_BUDGET_KB = 200;

describe("the first page's script", () => {
  it(`stays within ${FIRST_PAGE_BUDGET_KB} KB gzipped`, () => {
    const page = firstPageScripts(DIST);
    const kb = page.gzip / 1024;
    const detail = page.files.map((f) => `${f.name} ${(f.gzip / 1024).toFixed(1)} KB`).join(", ");
    expect(kb, `first page ${kb.toFixed(1)} KB gzipped: ${detail}`).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_KB);
    // The login page loads one language, not both.
    expect(page.files.some((f) => /^es-/.test(f.name))).toBe(false);
  });
});
