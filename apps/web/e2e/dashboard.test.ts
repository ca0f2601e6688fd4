import { readFile } from "node:fs/promises";
import { LABELS, LEVELS, sectorLabel } from "@bridgework/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, DEMO_PASSWORD, expectAccessible, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 240_000;

const suite = browserSuite();

async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  // The first load of the SPA can be slow on a busy machine.
  await page.getByLabel("Email").waitFor({ timeout: 30_000 });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

function schoolYears(date = new Date()) {
  const start = date.getUTCMonth() >= 6 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return {
    current: `${start}-${start + 1}`,
    previous: `${start - 1}-${start}`,
    from: `${start - 1}-07-01`,
    to: `${start + 1}-06-30`,
  };
}

interface Measures {
  experiences: number;
  students: number;
  employers: number;
  schoolYear?: string;
  sector?: string;
  level?: string;
}

/** The placement report as the API computes it for `email`, to compare the page with. */
async function report(email: string, groupBy: string, from: string, to: string) {
  const res = await fetch(`${suite.server.url}/api/reports/placements?groupBy=${groupBy}&from=${from}&to=${to}`, {
    headers: { authorization: await suite.server.bearer(email) },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { rows: Measures[]; totals: Measures };
}

const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(n);
const section = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

describe("the region dashboard", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows an intermediary the region's totals and charts from the demo history, with table views, CSV and CALPADS downloads", async () => {
    const years = schoolYears();
    const expected = await report("intermediary@valley.example", "schoolYear", years.from, years.to);
    const thisYear = expected.rows.find((r) => r.schoolYear === years.current);
    const lastYear = expected.rows.find((r) => r.schoolYear === years.previous);
    // The demo seed completes matches across the past year: there is something to show.
    expect((thisYear?.experiences ?? 0) + (lastYear?.experiences ?? 0)).toBeGreaterThan(0);

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/dashboard");
      await logIn(page, "intermediary@valley.example");
      await page.getByRole("heading", { level: 1, name: "Region dashboard" }).waitFor();
      await page.getByText("Work-based learning across the region").waitFor();
      const nav = page.getByRole("navigation", { name: "Main navigation" });
      await nav.getByRole("link", { name: "Dashboard" }).waitFor();
      await nav.getByRole("link", { name: "Self-assessment" }).waitFor();

      // Totals: this school year next to the last, the same numbers the API computes.
      const totals = section(page, "This school year vs last");
      const experiencesRow = totals.getByRole("row", { name: /^Experiences/ });
      await experiencesRow.waitFor();
      const cells = await experiencesRow.getByRole("cell").allInnerTexts();
      expect(cells.slice(0, 2)).toEqual([fmt(thisYear?.experiences ?? 0), fmt(lastYear?.experiences ?? 0)]);
      const studentsCells = await totals
        .getByRole("row", { name: /^Students served/ })
        .getByRole("cell")
        .allInnerTexts();
      expect(studentsCells.slice(0, 2)).toEqual([fmt(thisYear?.students ?? 0), fmt(lastYear?.students ?? 0)]);

      // A year with data for the charts (the current one, early in the year, may still be thin).
      const year = (thisYear?.experiences ?? 0) > 0 ? years.current : years.previous;
      if (year !== years.current) {
        await page.getByLabel("School year").selectOption(year);
      }
      const start = Number(year.slice(0, 4));
      const bySectorApi = await report("intermediary@valley.example", "sector", `${start}-07-01`, `${start + 1}-06-30`);
      const topSector = [...bySectorApi.rows].sort((a, b) => b.experiences - a.experiences)[0]!;
      expect(topSector.experiences).toBeGreaterThan(0);

      const sectors = section(page, "Experiences by sector");
      const bars = sectors.getByRole("list", { name: "Experiences by sector (bar chart)" });
      await bars.getByRole("listitem").first().waitFor();
      expect(await bars.getByRole("listitem").first().innerText()).toContain(`${topSector.sector}`);
      expect(await bars.getByRole("listitem").first().innerText()).toContain(fmt(topSector.experiences));
      await section(page, "Experiences by continuum level").getByRole("list").getByRole("listitem").first().waitFor();
      await section(page, "Monthly trend (last 12 months)").getByRole("listitem").first().waitFor();
      await section(page, "Employer engagement").getByText("Exposure-only employers to grow").waitFor();
      await section(page, "Top unmet demand").getByRole("heading", { name: "Top unmet demand" }).waitFor();
      await expect
        .poll(() => page.getByTestId("calpads-counts").innerText())
        .toMatch(/\d+ of \d+ records ready; \d+ left out/);
      await expectAccessible(page, "the region dashboard");

      // The table view toggles, with the same numbers, and back.
      const toggle = sectors.getByRole("button", { name: "Show table" });
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      await toggle.click();
      const table = sectors.getByRole("table", { name: "Experiences by sector" });
      const row = table.getByRole("row", { name: new RegExp(`^${topSector.sector}`) });
      await row.waitFor();
      expect((await row.getByRole("cell").allInnerTexts())[0]).toBe(fmt(topSector.experiences));
      expect(await sectors.getByRole("button", { name: "Show chart" }).getAttribute("aria-pressed")).toBe("true");
      await expectAccessible(page, "the dashboard with a table view");
      await sectors.getByRole("button", { name: "Show chart" }).click();
      await bars.waitFor();
      await table.waitFor({ state: "detached" });

      // CSV through the API with the bearer token, saved from a Blob link.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        sectors.getByRole("button", { name: "Download CSV" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`experiences-by-sector-${year}.csv`);
      const csv = await readFile((await download.path())!, "utf8");
      expect(csv.split("\n")[0]).toMatch(/sector/i);
      expect(csv).toContain(topSector.sector!);

      // Equity: a dimension picker; small groups are suppressed, never shown as numbers.
      const equityRes = await fetch(`${suite.server.url}/api/reports/equity?dimension=grade&schoolYear=${year}`, {
        headers: { authorization: await suite.server.bearer("intermediary@valley.example") },
      });
      const equityApi = (await equityRes.json()) as {
        rows: { group: string; suppressed: boolean; rate: number | null }[];
      };
      const equity = section(page, "Participation by student group");
      await equity.getByLabel("Group by").selectOption("grade");
      // Each measure's label is explained (here and for unmet demand), behind a keyboard-reachable disclosure.
      await equity.getByText("What these numbers mean").click();
      await equity
        .getByRole("definition")
        .filter({ hasText: "Groups under 10 students are hidden to protect privacy" })
        .waitFor();
      await section(page, "Top unmet demand").getByText("What these numbers mean").click();
      await section(page, "Top unmet demand").getByRole("term").filter({ hasText: "Students waiting" }).waitFor();
      if (equityApi.rows.length === 0) {
        await equity.getByText("No data for this period yet.").waitFor();
      } else {
        const first = equityApi.rows[0]!;
        const item = equity.getByRole("listitem").filter({ hasText: first.group }).first();
        await item.waitFor();
        expect(await item.innerText()).toContain(first.suppressed || first.rate === null ? "suppressed (<10)" : "%");
        if (equityApi.rows.some((r) => r.suppressed)) await equity.getByText("suppressed (<10)").first().waitFor();
      }

      const [calpads] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download CALPADS CSV" }).click(),
      ]);
      expect(calpads.suggestedFilename()).toBe(`calpads-wbl-${year}.csv`);

      await page.screenshot({ path: "/tmp/dashboard-intermediary.png", fullPage: true });

      // In Spanish, the charts name sectors and continuum levels in Spanish (the domain's labels, as in the emails).
      const byLevelApi = await report("intermediary@valley.example", "level", `${start}-07-01`, `${start + 1}-06-30`);
      const firstLevel = LEVELS.find((level) => byLevelApi.rows.some((r) => r.level === level && r.experiences > 0))!;
      const topSectorEs = sectorLabel(topSector.sector!, "es");
      expect(topSectorEs).not.toBe(topSector.sector);
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Panel de la región" }).waitFor();
      const sectorsEs = section(page, "Experiencias por sector").getByRole("list", {
        name: "Experiencias por sector (gráfico de barras)",
      });
      await expect.poll(() => sectorsEs.getByRole("listitem").first().innerText()).toContain(topSectorEs);
      const levelsEs = section(page, "Experiencias por nivel del continuo").getByRole("list");
      await expect
        .poll(() => levelsEs.getByRole("listitem").first().innerText())
        .toContain(LABELS.es.levels[firstLevel]);
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
      await section(page, "Participación por grupo de estudiantes")
        .getByRole("definition")
        .filter({ hasText: "se ocultan para proteger la privacidad" })
        .waitFor();
      await expectAccessible(page, "the region dashboard in Spanish");
      await page.screenshot({ path: "/tmp/dashboard-intermediary-es.png", fullPage: true });
      // Back to English, and saved as the person's language before the page closes: the next test logs in as them.
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH" && r.ok()),
        page.getByRole("combobox", { name: "Idioma" }).selectOption("en"),
      ]);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a coordinator the district dashboard, and the region's self-assessment read-only after the intermediary rates it", async () => {
    const years = schoolYears();
    const district = await report("coordinator@valley.example", "schoolYear", years.from, years.to);
    const region = await report("intermediary@valley.example", "schoolYear", years.from, years.to);
    expect(district.totals.experiences).toBeLessThanOrEqual(region.totals.experiences);
    const lastYear = district.rows.find((r) => r.schoolYear === years.previous);

    // The intermediary rates C6.2 through the page.
    const rater = await openPage(suite.browser, suite.server.url);
    try {
      await rater.page.goto("/self-assessment");
      await logIn(rater.page, "intermediary@valley.example");
      await rater.page.getByRole("heading", { level: 1, name: "Self-assessment" }).waitFor();
      const c62 = section(rater.page, /^C6\.2/);
      await c62.getByText("Evidence", { exact: true }).waitFor();
      await c62.getByRole("radio", { name: /3 · Advancing/ }).check();
      await c62.getByLabel("Notes").fill("Database in daily use; recruiting follows pathway needs.");
      await expectAccessible(rater.page, "the self-assessment");
      await c62.getByRole("button", { name: "Save" }).click();
      await c62.getByRole("status").getByText("Saved").waitFor();
      await c62.getByText("Advancing", { exact: true }).waitFor();
    } finally {
      await rater.context.close();
    }

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/dashboard");
      await logIn(page, "coordinator@valley.example");
      await page.getByRole("heading", { level: 1, name: "Region dashboard" }).waitFor();
      await page.getByText("Work-based learning in your district").waitFor();
      // The cards load after the page's header (allInnerTexts does not wait for the row).
      const experiencesRow = section(page, "This school year vs last").getByRole("row", { name: /^Experiences/ });
      await experiencesRow.waitFor();
      const cells = await experiencesRow.getByRole("cell").allInnerTexts();
      expect(cells[1]).toBe(fmt(lastYear?.experiences ?? 0));
      await section(page, "Experiences by continuum level").getByRole("button", { name: "Show table" }).waitFor();
      await expectAccessible(page, "the district dashboard");

      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Self-assessment" })
        .click();
      await page.getByText("You can read the region's self-assessment").waitFor();
      await page.getByText("Evidence: your district").waitFor();
      const c62 = section(page, /^C6\.2/);
      expect(await c62.getByRole("radio", { name: /3 · Advancing/ }).isChecked()).toBe(true);
      expect(await c62.getByRole("radio", { name: /3 · Advancing/ }).isDisabled()).toBe(true);
      expect(await c62.getByRole("button", { name: "Save" }).count()).toBe(0);
      await expectAccessible(page, "the read-only self-assessment");
      await page.screenshot({ path: "/tmp/self-assessment-coordinator.png", fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
