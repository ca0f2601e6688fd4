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
const BROWSER_TEST_TIMEOUT = 120_000;

const suite = browserSuite();

describe("a student's access history", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows the district's coordinator who read the record, the region's intermediary included, with their organization", async () => {
    const coordinator = await suite.server.bearer("coordinator@valley.example");
    const schools = await suite.server.call<{ items: { id: string; name: string }[] }>(
      coordinator,
      "GET",
      "/api/organizations?type=school&q=Valley%20High",
    );
    const student = await suite.server.call<{ id: string }>(coordinator, "POST", "/api/students", {
      localId: "E2E-H01",
      firstName: "Inez",
      lastName: "Historia",
      birthDate: "2010-02-11",
      grade: 10,
      schoolId: schools.items.find((s) => s.name === "Valley High")!.id,
    });
    await suite.server.call(
      await suite.server.bearer("intermediary@valley.example"),
      "GET",
      `/api/students/${student.id}`,
    );

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await clickNav(page, "Students");
      await page.getByRole("heading", { level: 1, name: "Students" }).waitFor();
      await page.getByLabel("Search by name or local id").fill("Historia");
      await page.getByRole("button", { name: "History of Inez Historia's record" }).click();
      const dialog = page.getByRole("dialog", { name: "Who read or changed Inez Historia's record" });
      const viewed = dialog.getByRole("row", { name: /Valley Career Pathways Collaborative/ });
      await viewed.waitFor();
      expect(await viewed.getByRole("cell").nth(2).textContent()).toBe("Viewed · student record");
      await dialog.getByRole("row", { name: /Valley Unified.*Created · student record/ }).waitFor();
      await expectAccessible(page, "a student's access history");
      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
