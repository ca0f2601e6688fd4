import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
  switchLanguage,
} from "../../../test/support/browser.ts";

const suite = browserSuite();

/** The titles in the opportunities table once it shows the answer to what was typed last. */
async function titlesFor(page: Page, label: string, typed: string): Promise<string[]> {
  const answered = page.waitForResponse(
    (r) => r.url().includes("/api/opportunities?") && new URL(r.url()).searchParams.get("q") === typed,
  );
  await page.getByLabel(label, { exact: true }).fill(typed);
  const response = await answered;
  expect(response.status()).toBe(200);
  const answer = ((await response.json()) as { items: { title: string }[] }).items.map((i) => i.title);
  const shown = () =>
    page
      .getByRole("table")
      .first()
      .locator("tbody tr > :first-child a")
      .allInnerTexts()
      .then((texts) => texts.map((t) => t.trim()));
  await expect.poll(shown, { timeout: 15_000 }).toEqual(answer);
  return shown();
}

describe("searching the catalog as one types", { timeout: 180_000 }, () => {
  it("finds opportunities by a word's start and despite a slip, title matches first, in English and Spanish on a phone", async () => {
    const { page, problems } = await openPage(suite.browser, suite.server.url);
    await logInAs(page, "teacher@valley.example");
    await clickNav(page, "Opportunities");
    await page.getByRole("heading", { level: 1, name: "Opportunities" }).waitFor();

    // A word's start: "shad" finds the job shadows, each with "shadow" in its title.
    const shadows = await titlesFor(page, "Search", "shad");
    expect(shadows.length).toBeGreaterThan(0);
    for (const title of shadows) expect(title.toLowerCase()).toContain("shadow");

    // One slip (two letters swapped) in a word of five letters or more finds the same ones.
    expect(await titlesFor(page, "Search", "shaodw")).toEqual(shadows);

    // A title match ranks above a match in the description only: "mentor" leads with the mentoring circle.
    const mentors = await titlesFor(page, "Search", "mentor");
    expect(mentors[0]).toMatch(/^Semester mentoring circle/);
    await expectAccessible(page, "the catalog searched by a word's start");

    // In Spanish, on a 390 px phone: the same search box, worded in Spanish.
    await switchLanguage(page, "Language", "es");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("heading", { level: 1, name: "Oportunidades" }).waitFor();
    const again = await titlesFor(page, "Buscar", "internshi");
    expect(again.length).toBeGreaterThan(0);
    for (const title of again) expect(title.toLowerCase()).toContain("internship");
    await expectFitsWidth(page);
    await expectAccessible(page, "the catalog in Spanish at 390 px");
    await switchLanguage(page, "Idioma", "en");
    expect(problems).toEqual([]);
  });
});
