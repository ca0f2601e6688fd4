import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;

const suite = browserSuite();

describe("a school's local code", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets the intermediary add a school with its code, find it by the code, and refuses a code already taken", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Organizations" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Organizations" }).waitFor();
      // The demo schools show their codes (the heading comes before the list has loaded).
      await page.getByRole("row", { name: /^Valley High/ }).waitFor();
      expect(
        await page
          .getByRole("row", { name: /^Valley High/ })
          .getByRole("cell")
          .allInnerTexts(),
      ).toContain("VHS");

      await page.getByRole("button", { name: "Add school" }).click();
      const add = page.getByRole("dialog", { name: "Add a school" });
      await add.getByLabel(/^Name/).fill("Northgate High");
      await add.getByLabel(/^District/).selectOption({ label: "Valley Unified" });
      await add.getByLabel(/^Local code/).fill("NGH-01");
      await add.getByLabel(/^City/).fill("Fresno");
      await expectAccessible(page, "the add-school dialog");
      await add.getByRole("button", { name: "Add school" }).click();
      await page.getByRole("status").filter({ hasText: "Northgate High was added." }).waitFor();

      // Searching by the start of the code finds it.
      await page.getByLabel("Search by name or code").fill("ngh");
      const row = page.getByRole("row", { name: /^Northgate High/ });
      await row.waitFor();
      await page.getByRole("row", { name: /^Valley High/ }).waitFor({ state: "detached" });
      expect(await row.getByRole("cell").allInnerTexts()).toEqual(["School", "Fresno", "—", "NGH-01", "Edit"]);

      // Another school's code (whatever its case) is refused next to the field.
      await row.getByRole("button", { name: "Edit Northgate High" }).click();
      const edit = page.getByRole("dialog", { name: "Edit Northgate High" });
      await edit.getByLabel(/^Local code/).fill("vhs");
      await edit.getByRole("button", { name: "Save" }).click();
      await edit.getByText("Already used by another organization of this type").waitFor();
      await expectAccessible(page, "the edit-school dialog with a taken code");
      await edit.getByLabel(/^Local code/).fill("NGH-02");
      await edit.getByRole("button", { name: "Save" }).click();
      await page.getByRole("status").filter({ hasText: "Northgate High was saved." }).waitFor();

      const { rows } = await suite.server.db.pool.query<{ local_code: string }>(
        `SELECT local_code FROM organizations WHERE name = 'Northgate High'`,
      );
      expect(rows).toEqual([{ local_code: "NGH-02" }]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("speaks Spanish and fits a 390 px phone: the code column and the add-school form", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "intermediary@valley.example");
      await page.getByLabel("Language").selectOption("es");
      await page.goto("/organizations");
      await page.getByRole("heading", { level: 1, name: "Organizaciones" }).waitFor();
      await page.getByRole("columnheader", { name: "Código local" }).waitFor();
      await page.getByRole("button", { name: "Agregar escuela" }).click();
      const add = page.getByRole("dialog", { name: "Agregar una escuela" });
      await add.getByLabel(/^Código local/).waitFor();
      expect(await add.getByText("Opcional. El código local o CDS de la escuela", { exact: false }).count()).toBe(1);
      await expectFitsWidth(page);
      await expectAccessible(page, "the Spanish add-school dialog at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
