import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;
const suite = browserSuite();

/**
 * An open Valley event with one role of `needed` places, inserted directly: the pages that
 * create events are another area's. Returns its id.
 */
async function insertEvent(title: string, role: string, needed: number): Promise<string> {
  const { rows } = await suite.server.db.pool.query<{ id: string }>(
    `WITH e AS (
       INSERT INTO events (region_id, district_id, created_by, kind, status, title, description, starts_at, ends_at, location)
       SELECT r.id, u.organization_id, u.id, 'mock_interviews', 'open', $1, 'Students practise interviews.',
              now() + interval '30 days', now() + interval '30 days 6 hours', 'Fresno Convention Center'
       FROM regions r JOIN users u ON u.email = 'coordinator@valley.example' WHERE r.slug = 'valley'
       RETURNING id, starts_at)
     INSERT INTO event_roles (event_id, name, description, bring, starts_at, ends_at, needed)
     SELECT e.id, $2, 'Ask three questions and give feedback.', 'Business cards', e.starts_at, e.starts_at + interval '3 hours', $3 FROM e
     RETURNING event_id AS id`,
    [title, role, needed],
  );
  return rows[0]!.id;
}

async function emailTo(to: string, subject: string) {
  for (let i = 0; i < 40; i++) {
    const { rows } = await suite.server.db.pool.query<{ subject: string; text: string }>(
      'SELECT subject, text FROM emails WHERE "to" = $1 AND subject = $2',
      [to, subject],
    );
    if (rows[0]) return rows[0];
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email "${subject}" to ${to}`);
}

const statusOf = async (email: string) =>
  (
    await suite.server.db.pool.query<{ status: string }>("SELECT status FROM event_volunteers WHERE email = $1", [
      email,
    ])
  ).rows.map((r) => r.status);

const FIELDS = {
  es: { name: /^Su nombre/, email: /^Correo electrónico/, employer: /^Empleador/ },
  en: { name: /^Your name/, email: /^Email/, employer: /^Employer/ },
};

async function fillForm(page: Page, lang: "en" | "es", p: { name: string; email: string; employer: string }) {
  await page.getByRole("textbox", { name: FIELDS[lang].name }).fill(p.name);
  await page.getByRole("textbox", { name: FIELDS[lang].email }).fill(p.email);
  await page.getByRole("textbox", { name: FIELDS[lang].employer }).fill(p.employer);
}

describe("volunteer sign-up for events", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("lets a professional sign up for a shift on a phone in Spanish and get the confirmation with a cancel link", async () => {
    const title = "Feria de entrevistas de primavera";
    await insertEvent(title, "Entrevistador", 5);
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/r/valley/get-involved");
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("link", { name: /Vea los eventos que buscan voluntarios/ }).click();
      await page.getByRole("heading", { level: 1, name: "Sea voluntario en eventos de Valley" }).waitFor();
      await expectFitsWidth(page);
      await expectAccessible(page, "the region's events in Spanish at 390 px");
      await page.getByRole("link", { name: title }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();

      const shift = page.getByRole("radio", { name: /Entrevistador/ });
      expect(await shift.textContent()).toContain("Quedan 5 lugares");
      expect(await shift.textContent()).toMatch(/P[DS]T/);
      await shift.click();
      await fillForm(page, "es", {
        name: "Marisol Ruiz",
        email: "marisol.ruiz@agrovalle.example",
        employer: "AgroValle Cooperativa",
      });
      await page.getByRole("checkbox", { name: /^Agricultura/ }).check();
      // The honeypot is there for bots, not for people or screen readers.
      expect(await page.getByRole("textbox", { name: /fax/i }).count()).toBe(0);
      await expectFitsWidth(page);
      await expectAccessible(page, "the filled Spanish sign-up form at 390 px");
      await page.getByRole("button", { name: "Inscribirme" }).click();

      const done = page.getByRole("status").filter({ hasText: "Está inscrito" });
      await done.waitFor();
      expect(await done.textContent()).toContain("marisol.ruiz@agrovalle.example");
      await expectAccessible(page, "the confirmed answer");
      expect(await statusOf("marisol.ruiz@agrovalle.example")).toEqual(["confirmed"]);

      const mail = await emailTo("marisol.ruiz@agrovalle.example", `Está inscrito: ${title}`);
      expect(mail.text).toMatch(/\/volunteer\/cancel\/[A-Za-z0-9_-]{40,}/);
      expect(mail.text).toContain("Business cards");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("gives the last place to one of two people submitting at once, and moves the other up when the first cancels by the link", async () => {
    const title = "Last Place Interview Day";
    const eventId = await insertEvent(title, "Interviewer", 1);
    const first = await openPage(suite.browser, suite.server.url);
    const second = await openPage(suite.browser, suite.server.url);
    try {
      const people = [
        { ...first, email: "ana.first@harvest.example" },
        { ...second, email: "ben.second@orchard.example" },
      ];
      for (const p of people) {
        await p.page.goto(`/r/valley/events/${eventId}`);
        await p.page.getByRole("heading", { level: 1, name: title }).waitFor();
        const shift = p.page.getByRole("radio", { name: /Interviewer/ });
        expect(await shift.textContent()).toContain("1 place left");
        await shift.click();
        await fillForm(p.page, "en", { name: p.email.split("@")[0]!, email: p.email, employer: "Harvest Partners" });
      }
      await Promise.all(people.map((p) => p.page.getByRole("button", { name: "Sign up" }).click()));
      const answers = await Promise.all(
        people.map(async (p) => {
          const status = p.page.getByRole("status");
          await status.waitFor();
          return (await status.textContent()) ?? "";
        }),
      );
      const confirmed = answers.findIndex((a) => a.includes("You are signed up"));
      const waiting = answers.findIndex((a) => a.includes("You are on the waiting list"));
      expect(confirmed).toBeGreaterThanOrEqual(0);
      expect(waiting).toBe(1 - confirmed);
      expect(answers[waiting]).toContain("number 1 on the waiting list");
      await expectAccessible(people[waiting]!.page, "the waiting-list answer");

      // The confirmed one cancels by the link in their email; the one waiting moves up.
      const mail = await emailTo(people[confirmed]!.email, `You are signed up: ${title}`);
      const link = mail.text.match(/\/volunteer\/cancel\/[A-Za-z0-9_-]{40,}/)![0];
      const page = people[confirmed]!.page;
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: "Cancel your place" }).waitFor();
      await page.getByText(/you are signed up as Interviewer at Last Place Interview Day/).waitFor();
      await expectAccessible(page, "the cancel page");
      expect(await statusOf(people[confirmed]!.email)).toEqual(["confirmed"]);
      await page.getByRole("button", { name: "Cancel my place" }).click();
      await page.getByRole("status").filter({ hasText: "Your place is cancelled" }).waitFor();
      await expectAccessible(page, "the cancelled answer");

      expect(await statusOf(people[confirmed]!.email)).toEqual(["cancelled"]);
      expect(await statusOf(people[waiting]!.email)).toEqual(["confirmed"]);
      await emailTo(people[waiting]!.email, `A place opened up: you are signed up for ${title}`);
      expect(first.problems).toEqual([]);
      expect(second.problems).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
