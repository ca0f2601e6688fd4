import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;

const suite = browserSuite();

/** A student added through the API by the school's coordinator, with a guardian. */
async function addStudent(coordinator: string, school: string, firstName: string, lastName: string) {
  const { call } = suite.server;
  const auth = await suite.server.bearer(coordinator);
  const schools = await call<{ items: { id: string; name: string }[] }>(
    auth,
    "GET",
    `/api/organizations?type=school&q=${encodeURIComponent(school)}`,
  );
  const schoolId = schools.items.find((s) => s.name === school)!.id;
  return call<{ id: string }>(auth, "POST", "/api/students", {
    localId: `E-${lastName}`,
    firstName,
    lastName,
    birthDate: "2010-04-02",
    grade: 11,
    schoolId,
    guardian: { name: `Guardian ${lastName}`, email: `${lastName.toLowerCase()}@family.example`, language: "en" },
  });
}

const studentRows = async (lastName: string) => {
  const { rows } = await suite.server.db.pool.query(`SELECT 1 FROM students WHERE last_name = $1`, [lastName]);
  return rows.length;
};

describe("erasing student data", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets the intermediary erase a district's students after typing its name; the other district keeps its own", async () => {
    await addStudent("coordinator@valley.example", "Valley High", "Ottilie", "Fairweather");
    await addStudent("coordinator@valley.example", "Eastside High", "Barnaby", "Hollowell");
    await addStudent("coordinator@riverbend.example", "Riverbend High", "Clementine", "Ashgrove");
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: "Organizations" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Organizations" }).waitFor();
      await page
        .getByRole("row", { name: /^Valley Unified/ })
        .getByRole("button", { name: "Erase student data of Valley Unified" })
        .click();
      const dialog = page.getByRole("dialog", { name: "Danger zone: erase this district's student data" });
      const erase = dialog.getByRole("button", { name: "Erase student data" });
      // Nothing can be erased until the name is typed exactly.
      await dialog.getByLabel(/^Type the district's name to confirm/).fill("valley unified");
      expect(await erase.isDisabled()).toBe(true);
      await expectAccessible(page, "the erase-district dialog");
      await dialog.getByLabel(/^Type the district's name to confirm/).fill("Valley Unified");
      await erase.click();
      await dialog
        .getByRole("status")
        .filter({ hasText: "Erased 2 students and 0 placements. Nothing names them any more." })
        .waitFor();
      await expectAccessible(page, "the erase-district result");
      await dialog.getByRole("button", { name: "Close" }).last().click();
      await dialog.waitFor({ state: "detached" });

      // The students are gone from the roster; Riverbend's student is still there.
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Students" }).click();
      await page.getByRole("heading", { level: 1, name: "Students" }).waitFor();
      await page.getByRole("row", { name: /^Ashgrove, Clementine/ }).waitFor();
      expect(await page.getByRole("row", { name: /Fairweather|Hollowell/ }).count()).toBe(0);
      expect([await studentRows("Fairweather"), await studentRows("Hollowell"), await studentRows("Ashgrove")]).toEqual(
        [0, 0, 1],
      );
      const { rows: emails } = await suite.server.db.pool.query(
        `SELECT 1 FROM audit_log WHERE details::text ILIKE '%Fairweather%' OR details::text ILIKE '%Hollowell%'`,
      );
      expect(emails).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("lets a coordinator delete one student after confirming", async () => {
    await addStudent("coordinator@riverbend.example", "Riverbend High", "Peregrine", "Mossbank");
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@riverbend.example");
      await page.goto("/students");
      await page
        .getByRole("row", { name: /^Mossbank, Peregrine/ })
        .getByRole("button", { name: "Delete Peregrine Mossbank" })
        .click();
      const dialog = page.getByRole("dialog", { name: "Delete Peregrine Mossbank?" });
      await dialog.getByText("guardian details, placements, signed paperwork", { exact: false }).waitFor();
      await expectAccessible(page, "the delete-student dialog");
      await dialog.getByRole("button", { name: "Delete student" }).click();
      await page.getByRole("status").filter({ hasText: "Peregrine Mossbank was deleted." }).waitFor();
      await page.getByRole("row", { name: /^Mossbank, Peregrine/ }).waitFor({ state: "detached" });
      expect(await studentRows("Mossbank")).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("speaks Spanish at 390 px: the retention period in region settings and the erase dialog", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "intermediary@valley.example");
      await page.getByLabel("Language").selectOption("es");
      await page.goto("/settings/region");
      const retention = page.getByRole("form", { name: "Conservación de datos de estudiantes" });
      await retention.getByLabel(/^Borrar estudiantes después de \(años\)/).fill("7");
      await retention.getByRole("button", { name: "Guardar conservación" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: "Ahora los estudiantes se borran 7 años después de su última actividad." })
        .waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the Spanish region settings at 390 px");
      const { rows } = await suite.server.db.pool.query(
        `SELECT student_retention_years FROM regions WHERE name = 'Valley'`,
      );
      expect(rows).toEqual([{ student_retention_years: 7 }]);

      const count = async () =>
        (await suite.server.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM students`)).rows[0]!.n;
      const before = await count();
      await page.goto("/organizations");
      await page.getByRole("button", { name: "Borrar datos de estudiantes de Riverbend Unified" }).click();
      const dialog = page.getByRole("dialog", {
        name: "Zona de peligro: borrar los datos de estudiantes de este distrito",
      });
      await dialog.getByText("Escriba Riverbend Unified tal como aparece.").waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the Spanish erase dialog at 390 px");
      await dialog.getByRole("button", { name: "Conservar los datos" }).click();
      await dialog.waitFor({ state: "detached" });
      expect(await count()).toBe(before);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
