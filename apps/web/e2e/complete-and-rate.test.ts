import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { feedbackRequests } from "../../worker/src/sweeps/reminder-feedback.ts";
import {
  browserSuite,
  DEMO_PASSWORD,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine shared with other suites: allow for slow pages.
const FLOW_TIMEOUT = 240_000;
const DAY = 86_400_000;
const TITLE = "Life on a hospital night shift (guest talk)";

const suite = browserSuite();

async function api<T>(method: string, path: string, authorization: string, body?: unknown): Promise<T> {
  const res = await fetch(`${suite.server.url}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A guest talk the employer gave two days ago: scheduled, not yet marked completed. Set up through the API. */
async function pastGuestTalk(): Promise<string> {
  const [teacher, coordinator, employer, intermediary] = await Promise.all(
    [
      "teacher@valley.example",
      "coordinator@valley.example",
      "employer@valley.example",
      "intermediary@valley.example",
    ].map((e) => suite.server.bearer(e)),
  );
  const opportunity = await api<{ id: string; employerId: string }>("POST", "/api/opportunities", employer!, {
    kind: "guest_speaker",
    sector: "Health Science and Medical Technology",
    title: TITLE,
    description: "A night-shift nurse talks about the job and answers questions.",
    modality: "in_person",
    capacity: 40,
  });
  await api("POST", `/api/opportunities/${opportunity.id}/publish`, employer!);
  // The demo history may have used up this month's asks to the employer; the cap is not what this is about.
  await api("PATCH", `/api/organizations/${opportunity.employerId}`, intermediary!, { askCapPerMonth: null });
  const now = Date.now();
  const request = await api<{ id: string }>("POST", "/api/requests", teacher!, {
    kind: "guest_speaker",
    sector: "Health Science and Medical Technology",
    students: 24,
    gradeLevels: [11],
    windowStart: isoDate(now - 6 * DAY),
    windowEnd: isoDate(now),
    modality: "in_person",
  });
  const match = await api<{ id: string }>("POST", "/api/matches", coordinator!, {
    requestId: request.id,
    opportunityId: opportunity.id,
    seats: 24,
  });
  const scheduled = await api<{ status: string }>("POST", `/api/matches/${match.id}/accept`, employer!, {
    scheduledAt: new Date(now - 2 * DAY).toISOString(),
  });
  expect(scheduled.status).toBe("scheduled");
  return match.id;
}

const feedbackSection = (page: Page) => page.getByRole("region", { name: "How did it go?" });

/** The "How did it go?" email to `to`, written by the day-after sweep, and the link in it. */
async function feedbackLink(to: string): Promise<string> {
  const emails = (await (await fetch(`${suite.server.url}/api/dev/mailbox?to=${encodeURIComponent(to)}`)).json()) as {
    subject: string;
    text: string;
  }[];
  const email = emails.find((e) => e.subject.startsWith("How did it go?") && e.text.includes(TITLE));
  expect(email, `no feedback email to ${to}`).toBeDefined();
  const link = /https?:\/\/\S+#feedback/.exec(email!.text)?.[0];
  expect(link).toBeDefined();
  return link!;
}

describe("completing and rating a visit", { timeout: FLOW_TIMEOUT }, () => {
  it("teacher marks it completed with attendance and rates it; employer rates from the emailed link; each then reads both answers", async () => {
    const matchId = await pastGuestTalk();

    // 1. The teacher opens the match, records attendance and rates the talk.
    const teacher = await openPage(suite.browser, suite.server.url);
    try {
      const page = teacher.page;
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
      await page.goto(`/matches/${matchId}`);
      await page.getByRole("heading", { level: 1, name: `Match: ${TITLE}` }).waitFor();
      const section = feedbackSection(page);
      const attendance = section.getByRole("spinbutton", { name: "Students who attended" });
      await attendance.waitFor();
      await expectAccessible(page, "the match page before completion");
      // Nothing typed: the form says what to do before asking the server.
      await section.getByRole("button", { name: "Mark completed" }).click();
      await section.getByText("Enter how many students attended (0 or more).").waitFor();
      await attendance.fill("22");
      await section.getByRole("button", { name: "Mark completed" }).click();
      await section.getByText("Marked completed: 22 students attended.").waitFor();
      await page.getByText("Completed", { exact: true }).first().waitFor();
      expect(await page.locator("dl.facts").innerText()).toMatch(/Students who attended\s*22/);

      // The rating form is now open; Spanish once, to check its labels are translated.
      const rating = section.getByRole("radiogroup", { name: /Your rating/ });
      await rating.waitFor();
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("radiogroup", { name: /Su calificación/ }).waitFor();
      await page.getByRole("radiogroup", { name: /¿La volvería a reservar\?/ }).waitFor();
      await page.getByLabel("Idioma").selectOption("en");
      await rating.waitFor();

      await section.getByRole("button", { name: "Send feedback" }).click();
      await section.getByText("Choose a rating from 1 to 5.").waitFor();
      await section.getByText("Answer yes or no.").waitFor();
      await expectAccessible(page, "the feedback form with errors");
      await rating.getByRole("radio", { name: "5 – Excellent" }).check();
      await section
        .getByRole("radiogroup", { name: /Would you book this again\?/ })
        .getByRole("radio", { name: "Yes" })
        .check();
      await section.getByLabel(/Comment/).fill("Students asked questions for half an hour.");
      await section.getByRole("button", { name: "Send feedback" }).click();
      await section.getByText("Thank you: your feedback is saved.").waitFor();
      // What was given is shown in place of the form.
      const mine = section.getByRole("article", { name: "Tanya Nguyen (teacher)" });
      await mine.waitFor();
      expect(await mine.innerText()).toMatch(
        /Rating: 5 of 5[\s\S]*Would book again: Yes[\s\S]*Students asked questions for half an hour\./,
      );
      expect(await section.getByRole("radiogroup").count()).toBe(0);
      await expectAccessible(page, "the completed match with the teacher's feedback");
      expect(teacher.problems).toEqual([]);
    } finally {
      await teacher.context.close();
    }

    // 2. The day after, the sweep emails "How did it go?"; the employer follows the link, logs in and lands on the form.
    await feedbackRequests({ publicUrl: suite.server.url })({ db: suite.server.db.db, now: new Date() });
    const link = await feedbackLink("employer@valley.example");
    expect(link).toBe(`${suite.server.url}/matches/${matchId}#feedback`);

    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const page = employer.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
      await page.getByLabel("Email").fill("employer@valley.example");
      await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL(`**/matches/${matchId}#feedback`);
      const section = feedbackSection(page);
      const heading = section.getByRole("heading", { level: 2, name: "How did it go?" });
      await heading.waitFor();
      // Landed on the form: its heading has focus and is on screen.
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await heading.isVisible()).toBe(true);
      const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(844);
      // The teacher's answer is kept from the employer until they give theirs.
      await section
        .getByText("1 answer from the other side is waiting: you will see it once you give yours.")
        .waitFor();
      expect(await section.getByRole("article").count()).toBe(0);
      // At 390 px nothing spills sideways.
      await expectFitsWidth(page);
      await expectAccessible(page, "the employer's feedback form at 390 px");

      await section
        .getByRole("radiogroup", { name: /Your rating/ })
        .getByRole("radio", { name: "4 – Very good" })
        .check();
      await section
        .getByRole("radiogroup", { name: /Would you host this again\?/ })
        .getByRole("radio", { name: "Yes" })
        .check();
      await section.getByLabel(/Comment/).fill("Great questions; a bigger room next time.");
      await section.getByRole("button", { name: "Send feedback" }).click();
      await section.getByText("Thank you: your feedback is saved.").waitFor();
      const theirs = section.getByRole("article", { name: "Elena Park (employer)" });
      await theirs.waitFor();
      expect(await theirs.innerText()).toMatch(
        /Rating: 4 of 5[\s\S]*Would host again: Yes[\s\S]*a bigger room next time\./,
      );
      expect(await section.getByRole("article", { name: "Tanya Nguyen (teacher)" }).innerText()).toContain(
        "Rating: 5 of 5",
      );
      await expectAccessible(page, "the completed match with both answers, as the employer");
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }

    // 3. Back at the match page, the teacher now reads the employer's answer too.
    const again = await openPage(suite.browser, suite.server.url);
    try {
      const page = again.page;
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
      await page.goto(`/matches/${matchId}`);
      const section = feedbackSection(page);
      await section
        .getByRole("article", { name: "Elena Park (employer)" })
        .getByText("Would host again: Yes")
        .waitFor();
      await section.getByRole("article", { name: "Tanya Nguyen (teacher)" }).waitFor();
      expect(again.problems).toEqual([]);
    } finally {
      await again.context.close();
    }
  });
});
