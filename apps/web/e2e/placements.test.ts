import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 300_000;
const GUARDIAN_EMAIL = "marisol.ramirez@example.com";
const SUPERVISOR_EMAIL = "dana.supervisor@valleymed.example";
const OPPORTUNITY_TITLE = "Pharmacy technician internship (browser test)";
/** Set SCREENSHOTS=dir to keep the pages this test looks at. */
const SCREENSHOTS = process.env.SCREENSHOTS;

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The employer posts and publishes an internship and records a current certificate of insurance. */
async function publishedOpportunityWithInsurance() {
  const employer = await suite.server.bearer("employer@valley.example");
  const me = await call<{ organizationId: string }>(employer, "GET", "/api/me");
  const opportunity = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
    kind: "internship",
    sector: "Health Science and Medical Technology",
    title: OPPORTUNITY_TITLE,
    description: "Assist the pharmacy team with inventory and patient-facing tasks.",
    modality: "in_person",
    capacity: 3,
    requirements: ["Closed-toe shoes"],
    paid: false,
  });
  await call(employer, "POST", `/api/opportunities/${opportunity.id}/publish`);
  await call(employer, "POST", `/api/organizations/${me.organizationId}/insurance`, {
    carrier: "Golden State Mutual",
    policyNumber: "GSM-2231",
    coverageAmount: 2_000_000,
    expiresOn: isoDay(365),
  });
}

async function valleyHighId(): Promise<string> {
  const coordinator = await suite.server.bearer("coordinator@valley.example");
  const page = await call<{ items: { id: string; name: string }[] }>(
    coordinator,
    "GET",
    "/api/organizations?type=school&q=Valley%20High",
  );
  const school = page.items.find((o) => o.name === "Valley High");
  if (!school) throw new Error("Valley High is missing from the demo data");
  return school.id;
}

/** Sign links sent to one address (delivery is a background job, so this waits for them). */
async function signLinks(to: string, count: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const emails = await call<{ text: string }[]>(null, "GET", `/api/dev/mailbox?to=${encodeURIComponent(to)}`);
    const links = [...new Set(emails.flatMap((e) => e.text.match(/https?:\/\/\S+\/sign\/[\w-]+/g) ?? []))];
    if (links.length >= count) return links;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`expected ${count} sign link(s) for ${to}`);
}

const tokenOf = (link: string) => link.split("/sign/")[1]!;

async function shoot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe("placements", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("takes a student from a CSV import through Spanish guardian signing to an active placement", async () => {
    await publishedOpportunityWithInsurance();
    const schoolId = await valleyHighId();
    const csv = [
      "localId,firstName,lastName,birthDate,grade,schoolId,guardianName,guardianEmail,guardianPhone,guardianLanguage",
      `E2E-001,Lucía,Ramírez,2010-03-14,11,${schoolId},Marisol Ramírez,${GUARDIAN_EMAIL},555-0101,es`,
      `E2E-002,Owen,Price,2009-11-02,12,${schoolId},Helen Price,helen.price@example.com,555-0102,en`,
      `E2E-003,Broken,Row,not-a-date,11,${schoolId},,,,`,
    ].join("\n");

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");

      // Import: a preview, then the async import with a progress bar, then the counts and the refused row.
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Students" }).click();
      await page.getByRole("heading", { level: 1, name: "Students" }).waitFor();
      await expectAccessible(page, "the students page");
      await page
        .getByLabel("CSV file")
        .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      // The file is checked first (nothing saved), then imported.
      await page.getByRole("button", { name: "Check file" }).click();
      await page.getByText("3 rows: 2 would be added, 0 updated, 1 with problems (not imported).").waitFor();
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByText("Import finished: 2 added, 0 updated.").waitFor({ timeout: 30_000 });
      const refused = page.getByRole("table", { name: "Rows that were not imported" });
      expect(await refused.getByRole("row").nth(1).textContent()).toMatch(/^4/);
      expect(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe(
        "100",
      );
      await page.getByLabel("Search by name or local id").fill("Ramírez");
      await page.getByRole("rowheader", { name: "Ramírez, Lucía" }).waitFor();
      await expectAccessible(page, "the students page after an import");
      await shoot(page, "students");

      // Create the placement from the board.
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Placements" }).click();
      await page.getByRole("heading", { level: 1, name: "Placements" }).waitFor();
      await page.getByRole("button", { name: "New placement" }).click();
      const dialog = page.getByRole("dialog", { name: "Place a student" });
      // The searchable choosers: type part of a name, pick from the list the server sent.
      await dialog.getByRole("combobox", { name: /^Student/ }).fill("Ramír");
      await page.getByRole("option", { name: "Ramírez, Lucía (E2E-001, Valley High)" }).click();
      await dialog.getByRole("combobox", { name: /^Published opportunity/ }).fill("pharmacy tech");
      await page.getByRole("option", { name: new RegExp(`^${OPPORTUNITY_TITLE.replace(/[()]/g, "\\$&")}`) }).click();
      await dialog.getByLabel("Start date").fill(isoDay(14));
      await dialog.getByLabel("End date").fill(isoDay(74));
      await dialog.getByLabel("Supervisor name").fill("Dana Whitfield");
      // A bad email is refused next to its field before anything is sent.
      await dialog.getByLabel("Supervisor email").fill("not-an-email");
      await dialog.getByRole("button", { name: "Create placement" }).click();
      await dialog.locator("[aria-invalid=true]").first().waitFor();
      await expectAccessible(page, "the new placement form with a field error");
      await dialog.getByLabel("Supervisor email").fill(SUPERVISOR_EMAIL);
      await dialog.getByLabel("Supervisor's language").selectOption("es");
      await dialog.getByRole("button", { name: "Create placement" }).click();
      await page.getByText("Placement created; the signers were emailed their links.").waitFor();

      const pending = page.locator('[data-column="pending_paperwork"] article', { hasText: "Lucía Ramírez" });
      await pending.waitFor();
      expect(await pending.textContent()).toContain("Parent or guardian consent");
      expect(await pending.getByText("Not signed").count()).toBe(4);
      expect(await pending.textContent()).toContain("Dana Whitfield (reads Español)");
      // Activating now is refused, and the card says why.
      await pending.getByRole("button", { name: "Activate" }).click();
      const refusal = pending.getByRole("alert");
      await refusal.getByText("This placement cannot start yet").waitFor();
      expect(await refusal.textContent()).toContain(
        "Paperwork is incomplete. Still unsigned: Parent or guardian consent",
      );
      await expectAccessible(page, "the placements board with a refused activation");
      await shoot(page, "board-pending");

      // The Spanish-speaking guardian opens their one packet link on a phone, in an English browser,
      // and signs their three documents in order: the first in Spanish, then switches the page to English.
      const [guardianLink, ...moreGuardianLinks] = await signLinks(GUARDIAN_EMAIL, 1);
      expect(moreGuardianLinks).toEqual([]);
      const phone = await suite.browser.newContext({
        baseURL: suite.server.url,
        locale: "en-US",
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      try {
        const mobile = await phone.newPage();
        const htmlLang = () => mobile.locator("html").getAttribute("lang");
        await mobile.goto(guardianLink!);
        await mobile.getByLabel("Escriba su nombre completo").waitFor();
        await mobile.getByText("Documento 1 de 3", { exact: true }).waitFor();
        expect(await htmlLang()).toBe("es");
        expect(await mobile.getByRole("navigation").count()).toBe(0);
        await expectAccessible(mobile, "the sign page on a phone");
        await shoot(mobile, "sign-phone");
        // Nothing typed: the reasons are in Spanish, next to the fields.
        await mobile.getByRole("button", { name: "Firmar" }).click();
        await mobile.getByText("Escriba su nombre completo para firmar.").waitFor();
        await mobile.getByText("Marque la casilla para aceptar antes de firmar.").waitFor();
        await expectAccessible(mobile, "the sign page with field errors");
        await mobile.getByLabel("Escriba su nombre completo").fill("Marisol Ramírez");
        await mobile.getByLabel("He leído este documento y estoy de acuerdo").check();
        await mobile.getByRole("button", { name: "Firmar" }).click();
        await mobile.getByText("Documento 2 de 3", { exact: true }).waitFor();
        await mobile.getByRole("status").filter({ hasText: "quedó firmado" }).waitFor();
        await expectAccessible(mobile, "the second document of the packet");

        // The language switch turns the page (and <html lang>) to English; the document text keeps its language.
        await mobile.getByRole("combobox", { name: "Idioma" }).selectOption("en");
        await mobile.getByText("Document 2 of 3", { exact: true }).waitFor();
        expect(await htmlLang()).toBe("en");
        expect(await mobile.locator('[lang="es"]', { hasText: "Ramírez" }).count()).toBeGreaterThan(0);
        await expectAccessible(mobile, "the packet in English");
        for (const next of ["Document 3 of 3", null]) {
          await mobile.getByLabel("Type your full name").fill("Marisol Ramírez");
          await mobile.getByLabel("I have read this document and I agree to it").check();
          await mobile.getByRole("button", { name: "Sign", exact: true }).click();
          if (next) await mobile.getByText(next, { exact: true }).waitFor();
        }
        await mobile.getByRole("heading", { level: 1, name: "All done — you signed 3 documents" }).waitFor();
        await mobile.getByText(/^What happens next/).waitFor();
        await expectAccessible(mobile, "the end of the packet");
        await shoot(mobile, "sign-phone-done");
        // The link is used up now; back in Spanish, the page says so.
        await mobile.getByRole("combobox", { name: "Language" }).selectOption("es");
        await mobile.goto(guardianLink!);
        await mobile.getByText("Este enlace ya no se puede usar").waitFor();
        expect(await htmlLang()).toBe("es");
        await expectAccessible(mobile, "a used sign link");
        await shoot(mobile, "sign-phone-used");
      } finally {
        await phone.close();
      }

      // The supervisor signs through the API: the packet link names the document it showed.
      const [supervisorLink] = await signLinks(SUPERVISOR_EMAIL, 1);
      const agreement = await call<{ documentId: string; language: string }>(
        null,
        "GET",
        `/api/sign/${tokenOf(supervisorLink!)}`,
      );
      expect(agreement.language).toBe("es");
      await call(null, "POST", `/api/sign/${tokenOf(supervisorLink!)}`, {
        typedName: "Dana Whitfield",
        agree: true,
        documentId: agreement.documentId,
      });

      // Back on the board: ready, then active.
      await page.reload();
      const ready = page.locator('[data-column="ready"] article', { hasText: "Lucía Ramírez" });
      await ready.waitFor();
      expect(await ready.getByText("Signed").count()).toBe(4);
      expect(await ready.textContent()).toContain("Certificate valid");
      // The signed copy (the API tests read its text back) downloads from the board as a PDF file.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        ready.getByRole("button", { name: /^Download PDF of the Parent or guardian consent signed by/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Parent or guardian consent - .+\.pdf$/);
      const pdf = await readFile(await download.path());
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      await ready.getByRole("button", { name: "Activate" }).click();
      const active = page.locator('[data-column="active"] article', { hasText: "Lucía Ramírez" });
      await active.waitFor();
      await active.getByRole("button", { name: "Log hours" }).waitFor();
      await expectAccessible(page, "the placements board with an active placement");
      await shoot(page, "board-active");

      const coordinator = await suite.server.bearer("coordinator@valley.example");
      const list = await call<{ items: { status: string; student: { firstName: string } }[] }>(
        coordinator,
        "GET",
        "/api/placements?status=active",
      );
      expect(list.items.some((p) => p.student.firstName === "Lucía")).toBe(true);

      // Insurance list shows the certificate just recorded.
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Insurance" }).click();
      await page.getByRole("heading", { level: 1, name: "Insurance" }).waitFor();
      await page.getByRole("rowheader", { name: "Valley Medical Center" }).waitFor();
      await expectAccessible(page, "the insurance page");
      expect(problems).toEqual([]);
    } catch (error) {
      await shoot(page, "failure");
      throw error;
    } finally {
      await context.close();
    }
  });

  it("shows a teacher their school's placement by the student's full name, the paperwork by role and no guardian, with nothing to run", async () => {
    const coordinator = await suite.server.bearer("coordinator@valley.example");
    const employer = await suite.server.bearer("employer@valley.example");
    const published = () =>
      call<{ items: { id: string; title: string }[] }>(
        employer,
        "GET",
        "/api/opportunities?status=published&pageSize=100",
      );
    if (!(await published()).items.some((o) => o.title === OPPORTUNITY_TITLE))
      await publishedOpportunityWithInsurance();
    const opportunity = (await published()).items.find((o) => o.title === OPPORTUNITY_TITLE)!;
    const student = await call<{ id: string }>(coordinator, "POST", "/api/students", {
      localId: "E2E-T01",
      firstName: "Teo",
      lastName: "Vargas",
      birthDate: "2010-05-20",
      grade: 11,
      schoolId: await valleyHighId(),
      guardian: { name: "Gloria Vargas", email: "gloria.vargas@example.com", language: "en" },
    });
    await call(coordinator, "POST", "/api/placements", {
      studentId: student.id,
      opportunityId: opportunity.id,
      startDate: isoDay(20),
      endDate: isoDay(60),
      supervisor: { name: "Ravi Okafor", email: "ravi.okafor@valleymed.example" },
    });

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "teacher@valley.example");
      // Teachers reach the board from a placement's start on their calendar, or from "needs you" when hours wait.
      await page.goto(`${suite.server.url}/placements`);
      await page.getByRole("heading", { level: 1, name: "Placements" }).waitFor();
      const card = page.locator('[data-column="pending_paperwork"] article', { hasText: "Teo Vargas" });
      await card.waitFor();
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("Supervisor: Ravi Okafor");
      expect(text).toContain("Signer: guardian");
      expect(text).not.toContain("Gloria Vargas");
      expect(text).not.toContain("reads");
      expect(await card.getByRole("button").count()).toBe(0);
      expect(await page.getByRole("button", { name: "New placement" }).count()).toBe(0);
      await expectAccessible(page, "the placements board as a teacher");
      await shoot(page, "board-teacher");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
