import { describe, expect, it } from "vitest";
import { seedEmployerWithHistory } from "../../api/test/fixtures/grow.fixtures.ts";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine shared with other suites: allow for slow pages.
const FLOW_TIMEOUT = 300_000;
const suite = browserSuite();

const READY = "Harbor Health Clinic";
const READY_CONTACT = "lucia@harbor-clinic.example";
const CAPPED = "Full Cap Dental";

/** The emails the dev mailbox holds for an address (delivery is a background job, so this waits). */
async function mailTo(to: string) {
  for (let i = 0; i < 100; i++) {
    const emails = (await (await fetch(`${suite.server.url}/api/dev/mailbox?to=${encodeURIComponent(to)}`)).json()) as {
      subject: string;
      text: string;
    }[];
    if (emails.length > 0) return emails[0]!;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no email to ${to}`);
}

describe("growing employers along the continuum", { timeout: FLOW_TIMEOUT }, () => {
  it("the intermediary sees an employer with two good guest talks on Grow, invites it, the email arrives in Spanish, its relationship page shows the invitation and one more ask; a capped employer's button is disabled", async () => {
    // Preconditions in the database: months of history (two guest talks rated 5, "host again").
    const db = suite.server.db.db;
    await seedEmployerWithHistory(db, {
      name: READY,
      contactEmail: READY_CONTACT,
      contactLanguage: "es",
      now: new Date(),
      talks: 2,
      askCapPerMonth: 4,
    });
    await seedEmployerWithHistory(db, {
      name: CAPPED,
      contactEmail: "office@fullcap.example",
      now: new Date(),
      talks: 3,
      askCapPerMonth: 0,
    });

    const { page, context, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "intermediary@valley.example");
      await clickNav(page, "Grow employers");
      await page.getByRole("heading", { level: 1, name: "Grow employers" }).waitFor();
      const table = page.getByRole("table", { name: "Employers ready for the next step" });
      const ready = table.getByRole("row", { name: new RegExp(READY) });
      await ready.waitFor();
      await expect.poll(() => ready.innerText()).toContain("2 guest talks or tours rated 4 or 5");
      await expect.poll(() => ready.innerText()).toContain("0 of 4");

      // The capped employer: listed, but its invitation is refused before anyone clicks.
      const capped = table.getByRole("row", { name: new RegExp(CAPPED) });
      const cappedButton = capped.getByRole("button", { name: `Send invitation to ${CAPPED}` });
      expect(await cappedButton.isDisabled()).toBe(true);
      await expect.poll(() => capped.innerText()).toContain("Monthly limit reached (0 of 0 asks).");
      await expectAccessible(page, "/employers/grow");

      await ready.getByRole("button", { name: `Send invitation to ${READY}` }).click();
      await page.getByRole("status").filter({ hasText: "Invitation sent" }).waitFor();
      await expect.poll(() => ready.innerText()).toMatch(/Invited /);
      await expect.poll(() => ready.innerText()).toContain("1 of 4");

      // The contact reads it in Spanish.
      const mail = await mailTo(READY_CONTACT);
      expect(mail.subject).toContain("Un paso más");
      expect(mail.text).toContain(READY);

      // The relationship page: the invitation on the timeline, one ask this month.
      await ready.getByRole("link", { name: READY }).click();
      await page.getByRole("heading", { level: 1, name: `Relationship with ${READY}` }).waitFor();
      const timeline = page.getByRole("table", { name: "Timeline" });
      await timeline
        .getByRole("row", { name: /Grow invitation/ })
        .first()
        .waitFor();
      await expect.poll(() => timeline.getByRole("row", { name: /^.*Ask/ }).count()).toBeGreaterThanOrEqual(2);
      await expect.poll(() => page.getByText("1 of 4").first().isVisible()).toBe(true);
      await expect.poll(() => page.getByText("100% (2 of 2 answers)").isVisible()).toBe(true);
      await expectAccessible(page, "/employers/:id");

      // On a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);
      await page.goto("/employers/grow");
      await page.getByRole("heading", { level: 1, name: "Grow employers" }).waitFor();
      await table.getByRole("row", { name: new RegExp(READY) }).waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "/employers/grow at 390 px");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an employer's name in Organizations opens its relationship page, in Spanish for a coordinator (read only)", async () => {
    const { page, context, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH"),
        page.getByLabel("Language").selectOption("es"),
      ]);
      await page.goto("/organizations?type=employer");
      await page.getByRole("link", { name: "Valley Medical Center" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Relación con Valley Medical Center" }).waitFor();
      await page.getByText(/Solo lectura/).waitFor();
      await page.getByRole("table", { name: "Cronología" }).waitFor();
      await expectAccessible(page, "/employers/:id (es, coordinator)");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
