import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;

const suite = browserSuite();

/** yyyy-mm-dd, `days` from today. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("a coordinator asking on a school's behalf", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("picks one of the district's schools, whose pathways the form then offers, and files the request for it", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Requests" }).click();
      await page.getByRole("heading", { level: 1, name: "Requests" }).waitFor();
      await page.getByRole("link", { name: "New request" }).click();
      await page.getByRole("heading", { level: 1, name: "Ask for an experience" }).waitFor();

      // Only Valley Unified's schools: Riverbend High belongs to another district.
      const school = page.getByLabel("School");
      await school.locator("option").first().waitFor({ state: "attached" });
      const offered = await school.locator("option").allInnerTexts();
      expect(offered).toContain("Eastside High");
      expect(offered).toContain("Valley High");
      expect(offered).not.toContain("Riverbend High");
      await school.selectOption({ label: "Eastside High" });
      await expectAccessible(page, "the request form with a school picker");

      // Eastside High's pathway, not Valley High's.
      const pathway = page.getByLabel("Pathway");
      await pathway
        .locator("option", { hasText: "Residential and Commercial Construction" })
        .waitFor({ state: "attached" });
      expect(await pathway.locator("option").allInnerTexts()).not.toContain("Health Science");
      await page.getByLabel("Kind of experience").selectOption("industry_tour");
      await pathway.selectOption({ label: "Residential and Commercial Construction" });
      expect(await page.getByLabel("Industry sector").inputValue()).toBe("Building and Construction Trades");
      await page.getByLabel("Number of students").fill("18");
      await page.getByLabel("Grade 11").check();
      await page.getByLabel("Earliest date").fill(dayFromNow(20));
      await page.getByLabel("Latest date").fill(dayFromNow(50));
      await page.getByRole("button", { name: "Send request" }).click();

      await page.getByRole("heading", { level: 1, name: "Industry tour · Eastside High" }).waitFor();
      const { rows } = await suite.server.db.pool.query<{ school: string; pathway: string; students: number }>(
        `SELECT o.name AS school, p.name AS pathway, r.students FROM requests r JOIN organizations o ON o.id = r.school_id JOIN pathways p ON p.id = r.pathway_id
         WHERE r.kind = 'industry_tour' AND r.students = 18`,
      );
      expect(rows).toEqual([
        { school: "Eastside High", pathway: "Residential and Commercial Construction", students: 18 },
      ]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
