import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

const BROWSER_TEST_TIMEOUT = 180_000;
const suite = browserSuite();

describe("events run by a coordinator", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("creates a mock-interview day with two shifts, opens it, adds a volunteer and messages them; Spanish at 390 px; the intermediary sees it", async () => {
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    let eventUrl = "";
    try {
      await logInAs(page, "coordinator@valley.example");
      await clickNav(page, "Events");
      await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
      await page.getByRole("link", { name: "New event" }).click();
      await page.getByRole("heading", { level: 1, name: "New event" }).waitFor();
      await page.getByLabel(/^Title/).fill("Spring mock-interview day");
      await page.getByLabel(/^Starts/).fill("2031-03-10T08:00");
      await page.getByLabel(/^Ends/).fill("2031-03-10T15:00");
      await page.getByLabel("Location").fill("Valley High gym");
      await page.getByRole("checkbox", { name: "Valley High" }).check();
      const first = page.getByRole("group", { name: "Role 1" });
      expect(await first.getByLabel("Role name").inputValue()).toBe("Interviewer");
      expect(await first.getByRole("checkbox", { name: "Takes part in the interview schedule" }).isChecked()).toBe(
        true,
      );
      await first.getByLabel("Shift starts").fill("2031-03-10T08:00");
      await first.getByLabel("Shift ends").fill("2031-03-10T11:30");
      await first.getByLabel("Volunteers needed").fill("2");
      await page.getByRole("button", { name: "Add a role" }).click();
      const second = page.getByRole("group", { name: "Role 2" });
      expect(await second.getByLabel("Role name").inputValue()).toBe("Interviewer");
      await second.getByLabel("Shift starts").fill("2031-03-10T11:30");
      await second.getByLabel("Shift ends").fill("2031-03-10T15:00");
      await second.getByLabel("Volunteers needed").fill("3");
      await expectAccessible(page, "the new-event form");
      await page.getByRole("button", { name: "Create event" }).click();

      await page.getByRole("heading", { level: 1, name: "Spring mock-interview day" }).waitFor();
      eventUrl = new URL(page.url()).pathname;
      const roles = page.getByRole("table", { name: /Roles and shifts/ });
      expect(await roles.getByRole("row").count()).toBe(3);
      expect(await roles.getByRole("row").nth(1).textContent()).toContain("8:00");
      await page.getByRole("button", { name: "Open for sign-up" }).click();
      await page.getByText("The event is now: Open for sign-up.").waitFor();
      expect(await page.getByLabel("Public sign-up link").inputValue()).toMatch(/\/r\/valley\/events\/[0-9a-f-]{36}$/);

      await page.getByRole("button", { name: "Add volunteer" }).click();
      const dialog = page.getByRole("dialog", { name: "Add volunteer" });
      await dialog.getByLabel("Name").fill("Dana Lee");
      await dialog.getByLabel(/^Email/).fill("dana.lee@acme-plumbing.example");
      await dialog.getByLabel("Employer").fill("Acme Plumbing");
      await dialog.getByRole("button", { name: "Add", exact: true }).click();
      await page.getByText("Dana Lee was added.").waitFor();
      const volunteers = page.getByRole("table", { name: "Volunteers of this event" });
      expect(await volunteers.getByRole("row", { name: /Dana Lee/ }).textContent()).toContain("Confirmed");
      expect(await roles.getByRole("row").nth(1).textContent()).toMatch(/Interviewer.*2\s*1\s*0/);

      // The afternoon shift needs one more interviewer, who should bring résumé copies.
      await roles.getByRole("row").nth(2).getByRole("button", { name: "Edit Interviewer" }).click();
      const edit = page.getByRole("dialog", { name: "Edit Interviewer" });
      await edit.getByLabel("Volunteers needed").fill("4");
      await edit.getByLabel(/^What to bring/).fill("Résumé copies");
      await edit.getByRole("button", { name: "Save role" }).click();
      await page.getByText("The role was saved.").waitFor();
      await expect.poll(() => roles.getByRole("row").nth(2).textContent()).toMatch(/Interviewer.*4\s*0\s*0/);

      await page.getByRole("button", { name: "Message volunteers" }).click();
      const message = page.getByRole("dialog", { name: "Message volunteers" });
      await message.getByLabel("Subject").fill("Parking");
      await message.getByLabel("Message").fill("Park in lot C, behind the gym.");
      await message.getByRole("button", { name: "Send" }).click();
      await page.getByText("The message went to 1 volunteer.").waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    let delivered: { subject: string; text: string }[] = [];
    for (let i = 0; i < 100 && delivered.length === 0; i++) {
      const mailbox = await fetch(`${suite.server.url}/api/dev/mailbox?to=dana.lee@acme-plumbing.example`);
      delivered = ((await mailbox.json()) as { subject: string; text: string }[]).filter((e) =>
        e.subject.includes("Parking"),
      );
      if (delivered.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivered[0]!.subject).toBe("Message about Spring mock-interview day: Parking");
    expect(delivered[0]!.text).toContain("Park in lot C, behind the gym.");

    // The coordinator reading Spanish on a phone.
    await suite.server.db.pool.query("UPDATE users SET language = 'es' WHERE email = 'coordinator@valley.example'");
    const spanish = await openPage(suite.browser, suite.server.url);
    try {
      await spanish.page.setViewportSize({ width: 390, height: 844 });
      await logInAs(spanish.page, "coordinator@valley.example", /^Bienvenido\/a/);
      await spanish.page.goto(eventUrl);
      await spanish.page.getByRole("heading", { level: 1, name: "Spring mock-interview day" }).waitFor();
      await spanish.page.getByRole("button", { name: "Cerrar inscripción" }).waitFor();
      await spanish.page.getByRole("table", { name: "Voluntarios de este evento" }).waitFor();
      await expectFitsWidth(spanish.page);
      await expectAccessible(spanish.page, "the event page in Spanish at 390 px");
      expect(spanish.problems).toEqual([]);
    } finally {
      await spanish.context.close();
      await suite.server.db.pool.query("UPDATE users SET language = 'en' WHERE email = 'coordinator@valley.example'");
    }

    // The intermediary sees the district's event in the list and runs it too.
    const intermediary = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(intermediary.page, "intermediary@valley.example");
      await clickNav(intermediary.page, "Events");
      const row = intermediary.page.getByRole("row", { name: /Spring mock-interview day/ });
      await row.waitFor();
      expect(await row.textContent()).toContain("1 of 6");
      await expectAccessible(intermediary.page, "the events list");
      await row.getByRole("link", { name: "Spring mock-interview day" }).click();
      await intermediary.page.getByRole("button", { name: "Close sign-up" }).waitFor();
      expect(intermediary.problems).toEqual([]);
    } finally {
      await intermediary.context.close();
    }
  });
});
