import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 240_000;

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Every document behind the sign links emailed to `to`, signed (delivery is a background job, so this waits for the links). */
async function signEverythingSentTo(to: string, typedName: string) {
  let links: string[] = [];
  for (let i = 0; i < 100 && links.length === 0; i++) {
    const emails = await call<{ text: string }[]>(null, "GET", `/api/dev/mailbox?to=${encodeURIComponent(to)}`);
    links = [...new Set(emails.flatMap((e) => e.text.match(/https?:\/\/\S+\/sign\/[\w-]+/g) ?? []))];
    if (links.length === 0) await new Promise((r) => setTimeout(r, 150));
  }
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    const token = link.split("/sign/")[1]!;
    for (let remaining = 1; remaining > 0; ) {
      const doc = await call<{ documentId: string }>(null, "GET", `/api/sign/${token}`);
      ({ remaining } = await call<{ remaining: number }>(null, "POST", `/api/sign/${token}`, {
        typedName,
        agree: true,
        documentId: doc.documentId,
      }));
    }
  }
}

/**
 * Precondition, through the API: a grade 11 student without an SSID who completed an internship
 * this school year (employer posts and insures it, coordinator places, guardian and supervisor
 * sign, coordinator activates and completes it).
 */
async function completedInternshipWithoutSsid(): Promise<{ studentId: string }> {
  const employer = await suite.server.bearer("employer@valley.example");
  const coordinator = await suite.server.bearer("coordinator@valley.example");
  const me = await call<{ organizationId: string }>(employer, "GET", "/api/me");
  const opportunity = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
    kind: "internship",
    sector: "Health Science and Medical Technology",
    title: "Clinic front desk internship (CALPADS test)",
    description: "Greet patients and keep the schedule.",
    modality: "in_person",
    capacity: 2,
    requirements: [],
    paid: false,
  });
  await call(employer, "POST", `/api/opportunities/${opportunity.id}/publish`);
  await call(employer, "POST", `/api/organizations/${me.organizationId}/insurance`, {
    carrier: "Golden State Mutual",
    policyNumber: "GSM-7",
    coverageAmount: 2_000_000,
    expiresOn: isoDay(365),
  });
  const schools = await call<{ items: { id: string; name: string }[] }>(
    coordinator,
    "GET",
    "/api/organizations?type=school&q=Valley%20High",
  );
  const school = schools.items.find((o) => o.name === "Valley High")!;
  const student = await call<{ id: string }>(coordinator, "POST", "/api/students", {
    localId: "CAL-001",
    firstName: "Nadia",
    lastName: "Okafor",
    birthDate: "2009-05-05",
    grade: 11,
    schoolId: school.id,
    guardian: { name: "Grace Okafor", email: "grace.okafor@example.com", language: "en" },
  });
  const placement = await call<{ id: string }>(coordinator, "POST", "/api/placements", {
    studentId: student.id,
    opportunityId: opportunity.id,
    startDate: isoDay(0),
    endDate: isoDay(30),
    supervisor: { name: "Sam Supervisor", email: "sam.supervisor@example.com" },
  });
  await signEverythingSentTo("grace.okafor@example.com", "Grace Okafor");
  await signEverythingSentTo("sam.supervisor@example.com", "Sam Supervisor");
  await call(coordinator, "POST", `/api/placements/${placement.id}/activate`);
  await call(coordinator, "POST", `/api/placements/${placement.id}/complete`);
  return { studentId: student.id };
}

describe("students: import and CALPADS readiness", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("a coordinator downloads the template, previews three students with one bad row, and imports the two good ones with their demographics", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Students" }).click();
      await page.getByRole("heading", { level: 1, name: "Students" }).waitFor();

      // The template: our columns, the school by name, words where people write words.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download the CSV template" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("students-template.csv");
      const [header, example] = (await readFile((await download.path())!, "utf8")).trim().split(/\r?\n/);
      expect(header).toBe(
        "localId,ssid,firstName,lastName,birthDate,grade,school,guardianName,guardianEmail,guardianPhone,guardianLanguage,gender,raceEthnicity,englishLearner,disability,lowIncome",
      );
      const school = example!.split(",")[6]!;
      expect(school).toMatch(/\S/);

      // Three students written from the template: the second has a grade the import refuses.
      const file = [
        header,
        `IMP-001,,Rosa,Delgado,2010-02-11,10,${school},Elena Delgado,elena.delgado@example.com,555-0111,Español,Female,Hispanic or Latino,Yes,No,Yes`,
        `IMP-002,,Tom,Baxter,2009-07-30,13,${school},,,,,,,,,`,
        `IMP-003,,Kai,Nakamura,2009-09-09,11,${school.toUpperCase()},Mia Nakamura,mia.nakamura@example.com,,English,Nonbinary,Asian,No,,`,
      ].join("\n");
      await page
        .getByLabel("CSV file")
        .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: "Check file" }).click();

      // The preview says what each row would do and why the bad one would not be imported; nothing is saved yet.
      await page.getByText("3 rows: 2 would be added, 0 updated, 1 with problems (not imported).").waitFor();
      const preview = page.getByRole("table", { name: "Rows of the file and what would happen to each" });
      const bad = preview.getByRole("row").filter({ hasText: "Tom Baxter" });
      expect(await bad.innerText()).toContain("Not imported");
      expect(await bad.innerText()).toContain('grade "13" is not a grade from 6 to 12');
      expect(await preview.getByRole("row").filter({ hasText: "Rosa Delgado" }).innerText()).toContain(
        "Would be added",
      );
      await page.getByLabel("Search by name or local id").fill("IMP-");
      await page.getByText("No students match.").waitFor();
      await expectAccessible(page, "the import preview");

      // Confirmed, the two good rows are saved and listed.
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByText("Import finished: 2 added, 0 updated.").waitFor({ timeout: 30_000 });
      await page.getByRole("rowheader", { name: "Delgado, Rosa" }).waitFor();
      await page.getByRole("rowheader", { name: "Nakamura, Kai" }).waitFor();
      expect(await page.getByRole("rowheader", { name: "Baxter, Tom" }).count()).toBe(0);

      // The words became demographics: the edit form shows them as labels.
      await page.getByRole("button", { name: "Edit Rosa Delgado" }).click();
      const dialog = page.getByRole("dialog", { name: "Edit Rosa Delgado" });
      const gender = dialog.getByLabel("Gender");
      await gender.waitFor();
      expect(await gender.locator("option:checked").innerText()).toBe("Female");
      expect(await dialog.getByLabel("Race or ethnicity").locator("option:checked").innerText()).toBe(
        "Hispanic or Latino",
      );
      expect(await dialog.getByLabel("English learner").locator("option:checked").innerText()).toBe("Yes");
      expect(await dialog.getByLabel("Guardian's language").locator("option:checked").innerText()).toBe("Spanish");
      await expectAccessible(page, "the edit form with demographics");
      // Changed in the form, saved, and shown again.
      await dialog.getByLabel(/^Low income/).selectOption({ label: "No" });
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Edit Rosa Delgado" }).click();
      expect(
        await page
          .getByRole("dialog", { name: "Edit Rosa Delgado" })
          .getByLabel(/^Low income/)
          .locator("option:checked")
          .innerText(),
      ).toBe("No");
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();

      // At phone width the page does not scroll sideways; in Spanish the import speaks Spanish.
      await page.setViewportSize({ width: 390, height: 800 });
      await expectFitsWidth(page);
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("button", { name: "Descargar la plantilla CSV" }).waitFor();
      await page.getByRole("button", { name: "Comprobar archivo" }).waitFor();
      await expectAccessible(page, "the students page in Spanish at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an intermediary sees CALPADS readiness name a student's missing field, and the link opens that student", async () => {
    const { studentId } = await completedInternshipWithoutSsid();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Dashboard" }).click();
      const card = page.getByRole("region", { name: "CALPADS work-based learning export" });
      const table = card.getByRole("table", {
        name: "Records left out of the CALPADS export, with what each is missing",
      });
      const row = table.getByRole("row").filter({ hasText: "Okafor, Nadia" });
      await row.waitFor({ timeout: 30_000 });
      expect(await row.innerText()).toContain("Statewide Student ID (SSID)");
      expect(await row.innerText()).toContain("Internship");
      await expectAccessible(page, "the dashboard with CALPADS readiness");

      await row.getByRole("link", { name: "Okafor, Nadia" }).click();
      await page.waitForURL((url) => url.pathname === "/students" && url.searchParams.get("edit") === studentId);
      const dialog = page.getByRole("dialog", { name: "Edit Nadia Okafor" });
      await dialog.getByLabel(/^SSID/).fill("1234509876");
      await expectAccessible(page, "the student opened from CALPADS readiness");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "detached" });

      // Back on the dashboard the SSID is no longer missing (the internship still lacks its course code).
      await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Dashboard" }).click();
      const fixed = page
        .getByRole("region", { name: "CALPADS work-based learning export" })
        .getByRole("row")
        .filter({ hasText: "Okafor, Nadia" });
      await fixed.getByText("State Course Code", { exact: false }).waitFor();
      await expect.poll(() => fixed.innerText(), { timeout: 10_000 }).not.toContain("SSID");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
