import { readFile } from "node:fs/promises";
import { LABELS, LEVELS, sectorLabel } from "@bridgework/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 240_000;
const INTERMEDIARY = "intermediary@valley.example";

const suite = browserSuite();

interface Row {
  sector?: string;
  level?: string;
  experiences: number;
}

async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(`${suite.server.url}${path}`, {
    headers: { authorization: await suite.server.bearer(INTERMEDIARY) },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

function schoolYears(date = new Date()) {
  const start = date.getUTCMonth() >= 6 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return [`${start}-${start + 1}`, `${start - 1}-${start}`];
}
const rangeOf = (year: string) => `from=${year.slice(0, 4)}-07-01&to=${year.slice(5)}-06-30`;
const fmt = (n: number, language = "en-US") => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);

/** The cell of a cross-tab at a row (by its header) and a column (by its header). */
async function cell(page: Page, table: ReturnType<Page["getByRole"]>, rowName: string, column: string) {
  const headers = await table.locator("thead th").allInnerTexts();
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(" | ")}`).toBeGreaterThan(0);
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: rowName, exact: true }) });
  return (await row.getByRole("cell").allInnerTexts())[index - 1];
}

describe("the report builder", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets an intermediary build sector × level for one school year, filter it, bookmark it and download the same numbers as CSV", async () => {
    // A school year the demo history has experiences in, and one of its sector × level cells.
    let year = "";
    let report: { rows: Row[]; totals: Row } | undefined;
    for (const y of schoolYears()) {
      report = await apiGet<{ rows: Row[]; totals: Row }>(`/api/reports/placements?groupBy=sector,level&${rangeOf(y)}`);
      year = y;
      if (report.totals.experiences > 0) break;
    }
    const top = [...report!.rows].sort((a, b) => b.experiences - a.experiences)[0]!;
    expect(top.experiences).toBeGreaterThan(0);
    const level = LEVELS.find((l) => l === top.level)!;

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, INTERMEDIARY);
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Report builder" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Report builder" }).waitFor();

      await page.getByLabel("Rows").selectOption({ label: "Sector" });
      await page.getByLabel("Columns").selectOption({ label: "Continuum level" });
      await page.getByLabel("Period").selectOption({ label: `School year ${year}` });
      const table = page.getByRole("table", { name: /^Experiences by Sector × Continuum level/ });
      await table.waitFor();
      await expect.poll(() => cell(page, table, top.sector!, LABELS.en.levels[level])).toBe(fmt(top.experiences));
      // Row and column totals; the grand total is the API's.
      const footer = await table.locator("tfoot").getByRole("cell").allInnerTexts();
      expect(footer.at(-1)).toBe(fmt(report!.totals.experiences));
      const rowTotal = report!.rows.filter((r) => r.sector === top.sector).reduce((sum, r) => sum + r.experiences, 0);
      expect(await cell(page, table, top.sector!, "Total")).toBe(fmt(rowTotal));
      await page
        .getByRole("list", { name: "Experiences by Sector (bar chart)" })
        .getByRole("listitem")
        .first()
        .waitFor();
      await expectAccessible(page, "the report builder");

      // The choices are in the address: a bookmark opens the same report.
      const url = new URL(page.url());
      expect(url.searchParams.get("by")).toBe("sector,level");
      expect(url.searchParams.get("year")).toBe(year);
      await page.goto(`${url.pathname}${url.search}`);
      await expect.poll(() => cell(page, table, top.sector!, LABELS.en.levels[level])).toBe(fmt(top.experiences));
      expect(await page.getByLabel("Period").inputValue()).toBe(year);

      // The CSV is the same report: its line for the cell has the table's number.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`placements-by-sector-level-${year}.csv`);
      const lines = (await readFile((await download.path())!, "utf8")).trim().split(/\r?\n/);
      expect(lines[0]).toBe("sector,level,experiences,students,seats,hours,employers,newEmployers");
      const line = lines.find(
        (l) => l.startsWith(`"${top.sector}",${level},`) || l.startsWith(`${top.sector},${level},`),
      );
      expect(line, lines.join("\n")).toBeDefined();
      expect(line!.split(",").at(-6)).toBe(String(top.experiences));
      expect(fmt(Number(line!.split(",").at(-6)))).toBe(await cell(page, table, top.sector!, LABELS.en.levels[level]));
      expect(lines.length - 1).toBe(report!.rows.length);

      // A filter chosen by name narrows the report to the API's numbers for that district.
      const districts = await apiGet<{ items: { id: string; name: string }[] }>(
        "/api/organizations?type=district&pageSize=100",
      );
      const valley = districts.items.find((d) => d.name === "Valley Unified")!;
      const narrowed = await apiGet<{ totals: Row }>(
        `/api/reports/placements?groupBy=sector,level&${rangeOf(year)}&districtId=${valley.id}`,
      );
      await page.getByLabel("District").selectOption({ label: "Valley Unified" });
      await expect
        .poll(async () => (await table.locator("tfoot").getByRole("cell").allInnerTexts()).at(-1))
        .toBe(fmt(narrowed.totals.experiences));
      expect(new URL(page.url()).searchParams.get("districtId")).toBe(valley.id);
      await page.getByLabel("District").selectOption({ label: "All districts" });
      await expect
        .poll(async () => (await table.locator("tfoot").getByRole("cell").allInnerTexts()).at(-1))
        .toBe(fmt(report!.totals.experiences));

      // In Spanish: the page, the levels and the sectors in Spanish.
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Generador de informes" }).waitFor();
      const tableEs = page.getByRole("table", { name: /^Experiencias por Sector × Nivel del continuo/ });
      await expect
        .poll(() => cell(page, tableEs, sectorLabel(top.sector!, "es"), LABELS.es.levels[level]))
        .toBe(fmt(top.experiences, "es-US"));
      await expectAccessible(page, "the report builder in Spanish");
      await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");
      await table.waitFor();

      // On a phone: no sideways scrolling of the page (the wide table scrolls in its own box).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel("Columns").selectOption({ label: "Kind" });
      await page.getByRole("table", { name: /^Experiences by Sector × Kind/ }).waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the report builder at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("gives a coordinator the own district's schools only, and explains a backwards date range", async () => {
    const coordinator = "coordinator@valley.example";
    const year = schoolYears()[0]!;
    const res = await fetch(`${suite.server.url}/api/reports/placements?groupBy=school&${rangeOf(year)}`, {
      headers: { authorization: await suite.server.bearer(coordinator) },
    });
    const expected = (await res.json()) as { rows: { school: string; experiences: number }[]; totals: Row };

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, coordinator);
      await page.goto(`/reports?by=school&year=${year}`);
      await page.getByRole("heading", { level: 1, name: "Report builder" }).waitFor();
      expect(await page.getByLabel("District").count()).toBe(0);
      const table = page.getByRole("table", { name: /^Experiences by School/ });
      await expect
        .poll(async () => (await table.locator("tfoot").getByRole("cell").allInnerTexts()).at(-1))
        .toBe(fmt(expected.totals.experiences));
      expect(await table.locator("tbody").getByRole("rowheader").allInnerTexts()).toEqual(
        expected.rows.map((r) => r.school),
      );
      const schools = (await page.getByLabel("School", { exact: true }).locator("option").allInnerTexts()).slice(1);
      expect(schools.length).toBeGreaterThan(0);
      expect(schools).not.toContain("Riverbend High");

      await page.getByLabel("Period").selectOption({ label: "Custom dates" });
      await page.getByLabel("From", { exact: true }).fill(`${year.slice(5)}-06-30`);
      await page.getByLabel("To", { exact: true }).fill(`${year.slice(0, 4)}-07-01`);
      await page.getByText("The start date must be on or before the end date.").waitFor();
      expect(await page.getByLabel("From", { exact: true }).getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page, "the report builder with a backwards range");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
