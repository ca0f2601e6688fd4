import { employerInterests, regions } from "@bridgework/db";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

const BROWSER_TEST_TIMEOUT = 120_000;
const NEW_PASSWORD = "correct horse battery staple";

const suite = browserSuite();

/** Two confirmed submissions, as the public form leaves them once each contact followed the link. */
async function twoSubmissions() {
  const db = suite.server.db.db;
  const valley = (await db.select({ id: regions.id, slug: regions.slug }).from(regions)).find(
    (r) => r.slug === "valley",
  );
  const base = {
    regionId: valley!.id,
    status: "waiting" as const,
    ip: "203.0.113.20",
    sectors: ["Health Science and Medical Technology"],
    confirmedAt: new Date(),
  };
  await db.insert(employerInterests).values([
    {
      ...base,
      companyName: "Foothill Physical Therapy",
      website: "https://www.foothillpt.example",
      companySize: "10-49",
      city: "Clovis",
      postalCode: "93612",
      contactName: "Dana Reyes",
      contactEmail: "dana@foothillpt.example",
      ways: ["class_talk", "job_shadows"],
      months: [3, 4],
    },
    {
      ...base,
      companyName: "Valley Medical Ctr.",
      contactName: "Sam Ortiz",
      contactEmail: "sam.ortiz@valleymed-careers.example",
      ways: ["tour", "teacher_externship"],
    },
  ]);
}

describe("the Get involved queue", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("flags a look-alike, approves one company and merges the other; the new contact publishes a standing offer", async () => {
    await twoSubmissions();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "intermediary@valley.example");
      await page.getByRole("button", { name: /navigation/i }).click();
      // The count is part of the link's name; the badge shows the number.
      const nav = page.locator(".app-navbar").getByRole("link", { name: /^Get involved submissions\s*, 2 waiting$/ });
      await nav.waitFor();
      expect(await nav.locator(".nav-count").textContent()).toBe("2");
      await nav.click();
      await page.getByRole("heading", { level: 1, name: "Get involved submissions" }).waitFor();

      const lookAlike = page.getByRole("region", { name: "Valley Medical Ctr." });
      const matches = lookAlike.getByRole("list", { name: "Likely matches of Valley Medical Ctr." });
      await matches.waitFor();
      const first = matches.getByRole("listitem").first();
      expect(await first.textContent()).toContain("Valley Medical Center");
      expect(await first.textContent()).toMatch(/Likely duplicate, score \d+%/);
      await expectAccessible(page, "the vetting queue at 390 px");

      // Approve the new company with its ask cap.
      const foothill = page.getByRole("region", { name: "Foothill Physical Therapy" });
      await foothill.getByLabel("Ask cap per month").fill("2");
      await foothill.getByRole("button", { name: "Approve Foothill Physical Therapy as a new employer" }).click();
      await page.getByText("Foothill Physical Therapy is now an employer.").waitFor();

      // Merge the look-alike into the existing employer (offered first, as a likely match).
      await lookAlike.getByRole("combobox", { name: "Merge into an existing employer" }).click();
      await page.getByRole("option", { name: /^Valley Medical Center \(\d+%\)/ }).click();
      await lookAlike.getByRole("button", { name: "Merge Valley Medical Ctr." }).click();
      await page.getByText("Valley Medical Ctr. was merged into the employer you chose.").waitFor();
      await page.getByText("No submission is waiting.").waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // The invitation reaches the dev mailbox; the contact sets a password through it.
    let link: string | undefined;
    for (let i = 0; i < 100 && !link; i++) {
      const mailbox = await fetch(`${suite.server.url}/api/dev/mailbox?to=dana@foothillpt.example`);
      const emails = (await mailbox.json()) as { text: string }[];
      link = emails.map((e) => e.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0]).find(Boolean);
      if (!link) await new Promise((r) => setTimeout(r, 100));
    }
    expect(link).toBeDefined();
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const p = employer.page;
      await p.goto(new URL(link!).pathname);
      await p.getByLabel(/^New password/).fill(NEW_PASSWORD);
      await p.getByLabel(/^Repeat the password/).fill(NEW_PASSWORD);
      await p.getByRole("button", { name: "Set password" }).click();
      await p.waitForURL(/\/login/);
      await p.getByLabel(/^Password/).fill(NEW_PASSWORD);
      await p.getByRole("button", { name: "Log in" }).click();
      await p.getByRole("heading", { level: 1, name: "Welcome, Dana Reyes" }).waitFor();
      await p.goto("/opportunities");
      const row = p.getByRole("row", { name: /Guest speaker — Foothill Physical Therapy/ });
      await row.waitFor();
      expect(await row.textContent()).toContain("Standing offer");
      expect(await row.textContent()).toContain("Draft");
      expect(await p.getByRole("row", { name: /Job shadow — Foothill Physical Therapy/ }).textContent()).toContain(
        "Standing offer",
      );
      await expectAccessible(p, "the employer's standing offers");
      await row.getByRole("button", { name: "Publish Guest speaker — Foothill Physical Therapy" }).click();
      await row.getByText("Published").waitFor();
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }
  });
});
