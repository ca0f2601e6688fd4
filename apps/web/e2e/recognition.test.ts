import { readFile } from "node:fs/promises";
import { schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../api/test/pdf-text.ts";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 300_000;
const EMPLOYER = "employer@valley.example"; // Elena Park, Valley Medical Center

const suite = browserSuite();

/** The newest of the last four school years in which Valley Medical Center has something to thank it for. */
async function yearWithActivity(): Promise<string> {
  const token = await suite.server.bearer(EMPLOYER);
  const me = await suite.server.call<{ organizationId: string }>(token, "GET", "/api/me");
  for (const year of schoolYearsBack(schoolYearOf(new Date()), 4)) {
    const res = await fetch(
      `${suite.server.url}/api/organizations/${me.organizationId}/thank-you-letter.pdf?schoolYear=${year}`,
      { headers: { authorization: token } },
    );
    if (res.ok) return year;
  }
  throw new Error("the demo data gives Valley Medical Center no completed activity in the last four school years");
}

async function mailTo(to: string, subject: RegExp) {
  for (let i = 0; i < 100; i++) {
    const emails = await suite.server.call<
      { subject: string; text: string; attachments: { filename: string; contentType: string }[] }[]
    >(null, "GET", `/api/dev/mailbox?to=${encodeURIComponent(to)}`);
    const found = emails.find((e) => subject.test(e.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no ${subject} email to ${to}`);
}

describe("employer preferences and thank-you letters", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("an employer sets a blackout month and a lower cap (a higher one is refused) and downloads its thank-you letter", async () => {
    const year = await yearWithActivity();
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = employer;
      await logInAs(page, EMPLOYER);
      await clickNav(page, "Preferences");
      await page.getByRole("heading", { level: 1, name: "Preferences" }).waitFor();
      const form = page.getByRole("form", { name: "Engagement preferences" });
      const cap = form.getByLabel("New asks a month, at most");
      await expect.poll(() => cap.inputValue()).toBe("4");
      await expectAccessible(page, "/preferences (employer)");

      await cap.fill("9");
      await form.getByRole("button", { name: "Save preferences" }).click();
      await form.getByText("At most 4 (the cap your region set)").waitFor();

      await cap.fill("2");
      await form.getByRole("checkbox", { name: "December" }).check();
      await form.getByRole("button", { name: "Save preferences" }).click();
      await form.getByRole("status").filter({ hasText: "Your preferences are saved." }).waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel("New asks a month, at most").inputValue()).toBe("2");
      expect(await page.getByRole("checkbox", { name: "December" }).isChecked()).toBe(true);

      const letter = page.getByRole("region", { name: "Thank-you letter" });
      await letter.getByLabel("School year").selectOption(year);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        letter.getByRole("button", { name: "Download thank-you letter" }).click(),
      ]);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
      const text = (await pdfText(bytes)).replace(/\n/g, " ");
      expect(text).toContain("Thank you, Valley Medical Center");
      expect(text).toContain(`School year ${year}`);
      await expectAccessible(page, "/preferences (employer, after saving)");
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }
  });

  it("shows the preferences page in Spanish at 390 px without sideways scrolling", async () => {
    const token = await suite.server.bearer("builder@valley.example");
    await suite.server.call(token, "PATCH", "/api/me", { language: "es" });
    const mobile = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = mobile;
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "builder@valley.example", /^Bienvenido/);
      await page.goto("/preferences");
      await page.getByRole("heading", { level: 1, name: "Preferencias" }).waitFor();
      await page.getByRole("form", { name: "Preferencias de participación" }).waitFor();
      await page.getByRole("button", { name: "Descargar carta de agradecimiento" }).waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "/preferences (es, 390 px)");
    } finally {
      await mobile.context.close();
    }
  });

  it("the intermediary sends an employer its thank-you letter and the email carries the PDF", async () => {
    const year = await yearWithActivity();
    const staff = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = staff;
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Thank-you letters");
      await page.getByRole("heading", { level: 1, name: "Thank-you letters" }).waitFor();
      await page.getByRole("combobox", { name: /^Employer/ }).fill("Valley Medical");
      await page.getByRole("option", { name: "Valley Medical Center" }).click();
      const letter = page.getByRole("region", { name: "Thank-you letter for Valley Medical Center" });
      await letter.getByLabel("School year").selectOption(year);
      await letter.getByRole("button", { name: "Send thank-you letter" }).click();
      await letter.getByRole("status").filter({ hasText: "The thank-you letter was emailed to Elena Park." }).waitFor();
      await expectAccessible(page, "/thank-you-letters");
      expect(staff.problems).toEqual([]);
    } finally {
      await staff.context.close();
    }
    const email = await mailTo(EMPLOYER, /^Thank you from /);
    expect(email.text).toContain(year);
    expect(email.attachments).toEqual([
      { filename: `thank-you-letter-valley-medical-center-${year}.pdf`, contentType: "application/pdf" },
    ]);
  });
});
