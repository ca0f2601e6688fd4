import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 180_000;

const suite = browserSuite();

describe("district data", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets a coordinator export their district, follow the progress and download the ZIP, at phone width too", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await clickNav(page, "District data");
      await page.getByRole("heading", { level: 1, name: "District data" }).waitFor();
      await page.getByText("No exports of this district yet.").waitFor();
      await expectAccessible(page, "the district data page");

      await page.getByRole("button", { name: "Export Valley Unified's data" }).click();
      await page.getByRole("status").filter({ hasText: "The export is ready." }).waitFor({ timeout: 90_000 });
      await expectAccessible(page, "the district data page with a finished export");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: /^Download the ZIP/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^district-export-valley-unified-\d{4}-\d{2}-\d{2}\.zip$/);
      const zip = await readFile((await download.path())!);
      // A ZIP starts with a local file header ("PK\3\4"); entry names are stored as plain text.
      expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      for (const name of [
        "README.txt",
        "manifest.json",
        "students.csv",
        "placements.csv",
        "documents.csv",
        "audit.csv",
      ])
        expect(zip.includes(Buffer.from(name)), name).toBe(true);

      // The export is listed with who asked for it; the download was audited.
      const row = page.getByRole("row", { name: /Carlos Mendoza/ });
      await row.waitFor();
      expect(await row.getByRole("cell").nth(1).innerText()).toBe("Ready");
      const { rows } = await suite.server.db.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE entity = 'district_export' AND action = 'download'`,
      );
      expect(Number(rows[0]!.n)).toBe(1);

      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);
      await expectAccessible(page, "the district data page at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets an intermediary choose one of the region's districts", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "District data");
      await page.getByRole("heading", { level: 1, name: "District data" }).waitFor();
      await page.getByRole("combobox", { name: "District" }).click();
      await page.getByRole("option", { name: "Riverbend Unified" }).click();
      await page.getByRole("button", { name: "Export Riverbend Unified's data" }).waitFor();
      await page.getByText("No exports of this district yet.").waitFor();
      await expectAccessible(page, "the district data page of an intermediary");
      // The same page in Spanish.
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Datos del distrito" }).waitFor();
      await page.getByRole("button", { name: "Exportar los datos de Riverbend Unified" }).waitFor();
      await page.getByText("Todavía no hay exportaciones de este distrito.").waitFor();
      await expectAccessible(page, "the district data page in Spanish");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
