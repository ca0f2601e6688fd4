import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;

const suite = browserSuite();
const sql = <R extends object>(text: string, values: unknown[] = []) => suite.server.db.pool.query<R>(text, values);
const setLanguage = (email: string, language: string) =>
  sql("UPDATE users SET language = $1 WHERE email = $2", [language, email]);
const setValleyZone = (zone: string) => sql("UPDATE regions SET time_zone = $1 WHERE name = 'Valley'", [zone]);

/** A Valley match scheduled at 18:00 UTC on a January day: 10:00 AM in Los Angeles (PST). */
async function januaryMatch(): Promise<string> {
  const { rows } = await sql<{ id: string }>(
    "UPDATE matches SET scheduled_at = '2027-01-11T18:00:00Z' WHERE id = (SELECT m.id FROM matches m JOIN regions r ON r.id = m.region_id WHERE r.name = 'Valley' AND m.scheduled_at IS NOT NULL ORDER BY m.id LIMIT 1) RETURNING id",
  );
  return rows[0]!.id;
}

describe("language per person and time zone per region", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows a person whose saved language is Spanish the app in Spanish after login, whatever the browser's language", async () => {
    await setLanguage("teacher@valley.example", "es");
    const { context, page, problems } = await openPage(suite.browser, suite.server.url, { locale: "en-US" });
    try {
      await logInAs(page, "teacher@valley.example", /^Bienvenido\/a/);
      expect(await page.locator("html").getAttribute("lang")).toBe("es");
      await page.getByRole("link", { name: "Perfil" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Su perfil" }).waitFor();
      const choice = page.getByRole("form", { name: "Su idioma" }).getByLabel("Idioma");
      expect(await choice.inputValue()).toBe("es");
      await expectAccessible(page, "the Spanish profile page");
      // Saving English on the profile switches the app at once and is kept on the server.
      await choice.selectOption("en");
      await page.getByRole("button", { name: "Guardar idioma" }).click();
      await page.getByRole("heading", { level: 1, name: "Your profile" }).waitFor();
      const { rows } = await sql<{ language: string }>(
        "SELECT language FROM users WHERE email = 'teacher@valley.example'",
      );
      expect(rows[0]!.language).toBe("en");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await setLanguage("teacher@valley.example", "en");
    }
  });

  it("shows a scheduled time in the region's zone, and moves it when the intermediary changes the zone in Region settings", async () => {
    const matchId = await januaryMatch();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page.goto(`/matches/${matchId}`);
      await page
        .getByText(/Jan 11, 2027, 10:00\sAM PST/)
        .first()
        .waitFor();

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/settings/region");
      await page.getByRole("heading", { level: 1, name: "Region settings" }).waitFor();
      await expectAccessible(page, "Region settings at 390 px");
      const zone = page.getByRole("textbox", { name: "Time zone" }).or(page.getByLabel("Time zone", { exact: true }));
      await zone.first().click();
      await zone.first().fill("New_York");
      await page.getByRole("option", { name: "America/New_York" }).click();
      await page.getByRole("button", { name: "Save time zone" }).click();
      await page.getByText("Saved. Times are now shown in America/New_York.").waitFor();
      const { rows } = await sql<{ time_zone: string }>("SELECT time_zone FROM regions WHERE name = 'Valley'");
      expect(rows[0]!.time_zone).toBe("America/New_York");

      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/matches/${matchId}`);
      await page
        .getByText(/Jan 11, 2027, 1:00\sPM EST/)
        .first()
        .waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await setValleyZone("America/Los_Angeles");
    }
  });
});
