import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 180_000;
const INTERNSHIP = "Dental assistant internship (chooser test)";
const TALK = "Dental careers talk (chooser test)";

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Preconditions: a published internship and a published guest talk with look-alike titles, and a student. */
async function setUp() {
  const employer = await suite.server.bearer("employer@valley.example");
  for (const [kind, title] of [
    ["internship", INTERNSHIP],
    ["guest_speaker", TALK],
  ] as const) {
    const o = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
      kind,
      sector: "Health Science and Medical Technology",
      title,
      description: "",
      modality: "in_person",
      capacity: 2,
    });
    await call(employer, "POST", `/api/opportunities/${o.id}/publish`);
  }
  const coordinator = await suite.server.bearer("coordinator@valley.example");
  const schools = await call<{ items: { id: string; name: string }[] }>(
    coordinator,
    "GET",
    "/api/organizations?type=school&q=Valley%20High",
  );
  const schoolId = schools.items.find((s) => s.name === "Valley High")!.id;
  await call(coordinator, "POST", "/api/students", {
    localId: "CH-77",
    firstName: "Teodoro",
    lastName: "Quintana",
    birthDate: "2009-05-20",
    grade: 11,
    schoolId,
    guardian: { name: "Rosa Quintana", email: "rosa.quintana@example.com", phone: null, language: "es" },
  });
}

/** The messages shown under the dialog's fields. */
async function fieldErrors(dialog: Locator): Promise<string[]> {
  await dialog.locator("[aria-invalid=true]").first().waitFor();
  return dialog.locator(".mantine-InputWrapper-error").allInnerTexts();
}

async function openNewPlacement(page: Page, navLabel: string, heading: string, newLabel: string, dialogName: string) {
  await page.getByRole("navigation").first().getByRole("link", { name: navLabel }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.getByRole("button", { name: newLabel }).click();
  const dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.waitFor();
  return dialog;
}

const DEVELOPER_TEXT = /Invalid (option|input)|Too (small|big)|expected|Required|Something went wrong/i;

describe("forms that speak people's language, with searchable choosers", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("names the empty fields in English and Spanish, then creates a placement through the searchable choosers", async () => {
    await setUp();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");

      // Submitted empty: each field says what to do, by name; no schema wording.
      let dialog = await openNewPlacement(page, "Placements", "Placements", "New placement", "Place a student");
      await dialog.getByRole("button", { name: "Create placement" }).click();
      const english = await fieldErrors(dialog);
      expect(english).toEqual(
        expect.arrayContaining([
          "Choose the student.",
          "Choose the published opportunity.",
          "Enter the start date.",
          "Enter the end date.",
          "Enter the supervisor name.",
        ]),
      );
      expect(english.join(" ")).not.toMatch(DEVELOPER_TEXT);
      // A bad address says what an address looks like.
      await dialog.getByLabel("Supervisor email").fill("dana at clinic");
      await dialog.getByRole("button", { name: "Create placement" }).click();
      await dialog.getByText("Check the supervisor email: an email address looks like name@example.org.").waitFor();
      await expectAccessible(page, "the new placement form with its field messages");
      await dialog.getByRole("button", { name: "Cancel" }).click();

      // The same in Spanish.
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      dialog = await openNewPlacement(page, "Prácticas", "Prácticas", "Nueva práctica", "Colocar a un estudiante");
      await dialog.getByRole("button", { name: "Crear práctica" }).click();
      const spanish = await fieldErrors(dialog);
      expect(spanish).toEqual(
        expect.arrayContaining([
          "Elija una opción en «Estudiante».",
          "Elija una opción en «Oportunidad publicada».",
          "Complete el campo «Fecha de inicio».",
          "Complete el campo «Nombre del supervisor».",
        ]),
      );
      expect(spanish.join(" ")).not.toMatch(DEVELOPER_TEXT);
      await expectAccessible(page, "the new placement form in Spanish");
      await dialog.getByRole("button", { name: "Cancelar" }).click();
      await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");

      // Type part of a name, pick from what the server found.
      dialog = await openNewPlacement(page, "Placements", "Placements", "New placement", "Place a student");
      await dialog.getByRole("combobox", { name: /^Student/ }).fill("quint");
      await page.getByRole("option", { name: "Quintana, Teodoro (CH-77, Valley High)" }).click();
      const opportunity = dialog.getByRole("combobox", { name: /^Published opportunity/ });
      await opportunity.fill("dental");
      const listbox = page.getByRole("listbox");
      await listbox.getByRole("option", { name: new RegExp(`^${INTERNSHIP.replace(/[()]/g, "\\$&")}`) }).waitFor();
      // Only placement kinds: the guest talk with the look-alike title is not offered; options sit under their employer.
      expect(await listbox.innerText()).not.toContain(TALK);
      expect(await listbox.innerText()).toMatch(/Valley/);
      await expectAccessible(page, "the opportunity chooser open");
      await opportunity.press("ArrowDown");
      await opportunity.press("Enter");
      expect(await opportunity.inputValue()).toContain(INTERNSHIP);
      await dialog.getByLabel("Start date").fill(isoDay(10));
      await dialog.getByLabel("End date").fill(isoDay(40));
      await dialog.getByLabel("Supervisor name").fill("Dana Whitfield");
      await dialog.getByLabel("Supervisor email").fill("dana.whitfield@valleymed.example");
      await dialog.getByRole("button", { name: "Create placement" }).click();
      await page.getByText("Placement created; the signers were emailed their links.").waitFor();
      const card = page.locator('[data-column="pending_paperwork"] article', { hasText: "Teodoro Quintana" });
      await card.waitFor();
      expect(await card.textContent()).toContain(INTERNSHIP);
      await expectAccessible(page, "the board with the new placement");

      // On a phone the chooser's list fits the screen and needs no scrolling inside it.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("button", { name: "New placement" }).click();
      dialog = page.getByRole("dialog", { name: "Place a student" });
      await dialog.getByRole("combobox", { name: /^Published opportunity/ }).click();
      const first = page.getByRole("listbox").getByRole("option").first();
      await first.waitFor();
      const box = (await page.getByRole("listbox").boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expectAccessible(page, "the opportunity chooser open at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
