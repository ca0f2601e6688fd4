import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 120_000;
const NEW_PASSWORD = "river lantern orchard seven";

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

/** The newest link of a kind emailed to an address (delivery is a background job, so this waits). */
async function emailedLink(to: string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const emails = await call<{ text: string }[]>(null, "GET", `/api/dev/mailbox?to=${encodeURIComponent(to)}`);
    const link = emails.map((e) => e.text.match(pattern)?.[0]).find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no link like ${pattern} emailed to ${to}`);
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A teacher's proposal of a freshly published opportunity of Sierra Builders for a new request. */
async function proposal(title: string) {
  const employer = await suite.server.bearer("builder@valley.example");
  const teacher = await suite.server.bearer("teacher@valley.example");
  const opportunity = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
    kind: "job_shadow",
    sector: "Building and Construction Trades",
    title,
    description: "A morning on a site with the crew.",
    modality: "in_person",
    capacity: 4,
  });
  await call(employer, "POST", `/api/opportunities/${opportunity.id}/publish`);
  const request = await call<{ id: string }>(teacher, "POST", "/api/requests", {
    kind: "job_shadow",
    sector: "Building and Construction Trades",
    students: 2,
    gradeLevels: [11],
    windowStart: isoDay(20),
    windowEnd: isoDay(60),
    modality: "in_person",
  });
  return call<{ id: string; status: string }>(teacher, "POST", "/api/matches", {
    requestId: request.id,
    opportunityId: opportunity.id,
    seats: 1,
  });
}

/** Two students of Valley High placed in a Sierra Builders internship: each has unsigned paperwork. */
async function placementsWithPaperwork(): Promise<string[]> {
  const employer = await suite.server.bearer("builder@valley.example");
  const coordinator = await suite.server.bearer("coordinator@valley.example");
  const opportunity = await call<{ id: string }>(employer, "POST", "/api/opportunities", {
    kind: "internship",
    sector: "Building and Construction Trades",
    title: "Site assistant internship (bulk test)",
    description: "Help the site lead with layout and safety checks.",
    modality: "in_person",
    capacity: 4,
  });
  await call(employer, "POST", `/api/opportunities/${opportunity.id}/publish`);
  const schools = await call<{ items: { id: string; name: string }[] }>(
    coordinator,
    "GET",
    "/api/organizations?type=school&q=Valley%20High",
  );
  const school = schools.items.find((o) => o.name === "Valley High")!;
  const ids: string[] = [];
  for (const [i, [first, last]] of (
    [
      ["Rosa", "Delgado"],
      ["Theo", "Banks"],
    ] as const
  ).entries()) {
    const student = await call<{ id: string }>(coordinator, "POST", "/api/students", {
      localId: `BULK-${i}`,
      firstName: first,
      lastName: last,
      birthDate: "2009-05-01",
      grade: 11,
      schoolId: school.id,
      guardian: { name: `Parent of ${first}`, email: `parent.${first.toLowerCase()}@family.example`, language: "en" },
    });
    const placement = await call<{ id: string }>(coordinator, "POST", "/api/placements", {
      studentId: student.id,
      opportunityId: opportunity.id,
      startDate: isoDay(30),
      endDate: isoDay(75),
      supervisor: { name: "Gus Porter", email: `gus.porter${i}@sierra.example` },
    });
    ids.push(placement.id);
  }
  return ids;
}

describe("forgot password and bulk actions", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("intermediary resets a forgotten password through the emailed link and logs in with the new one", async () => {
    const email = "intermediary@valley.example";
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot password?" }).click();
      await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
      await expectAccessible(page, "the forgot-password page");
      await page.getByLabel(/^Email/).fill(email);
      await page.getByRole("button", { name: "Email me a link" }).click();
      const sent = page.getByRole("status").filter({ hasText: "Check your email" });
      await sent.waitFor();
      expect(await sent.textContent()).toContain(`If ${email} has a Bridgework account`);
      expect(await sent.evaluate((el) => el === document.activeElement)).toBe(true);

      const link = await emailedLink(email, /https?:\/\/\S+\/reset-password\/[\w-]+/);
      await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
      await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
      // The page first asks the API whose link this is ("Loading…"), then names the account.
      await page.getByRole("main").getByText(email).waitFor();
      await expectAccessible(page, "the reset-password page");
      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);

      // Spanish: the header's language switch turns the page's labels over.
      await page.getByRole("combobox", { name: "Language" }).selectOption("es");
      await page.getByRole("heading", { level: 1, name: "Elija una contraseña nueva" }).waitFor();
      await page.getByLabel(/^Contraseña nueva/).waitFor();
      await page.getByLabel(/^Repita la contraseña nueva/).waitFor();
      await page.getByRole("button", { name: "Guardar contraseña nueva" }).waitFor();
      await expectAccessible(page, "the reset-password page in Spanish");
      await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");

      await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
      await page.getByLabel(/^Repeat the new password/).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Set new password" }).click();

      await page.waitForURL(/\/login/);
      await page.getByText("Your password has been changed. Log in with your new password.").waitFor();
      expect(await page.getByLabel("Email").inputValue()).toBe(email);
      await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("heading", { level: 1, name: "Welcome, Irene Alvarez" }).waitFor();

      // The link worked once.
      await context.clearCookies();
      const again = await openPage(suite.browser, suite.server.url);
      try {
        await again.page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
        await again.page.getByText("This link can no longer be used").waitFor();
      } finally {
        await again.context.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("coordinator selects two proposals and approves them at once", async () => {
    const first = await proposal("Framing crew job shadow (bulk test)");
    const second = await proposal("Electrical rough-in job shadow (bulk test)");
    expect([first.status, second.status]).toEqual(["proposed", "proposed"]);
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: /^Approval queue/ })
        .click();
      await page.getByRole("heading", { level: 1, name: "Approval queue" }).waitFor();
      // On a phone: the queue, its checkboxes and the bulk button fit.
      await page.setViewportSize({ width: 390, height: 844 });
      await expectFitsWidth(page);
      await page.getByRole("checkbox", { name: "Select: Framing crew job shadow (bulk test) for Valley High" }).check();
      await page
        .getByRole("checkbox", { name: "Select: Electrical rough-in job shadow (bulk test) for Valley High" })
        .check();
      await page.getByText("2 selected").waitFor();
      await expectAccessible(page, "the approval queue with two proposals selected");
      await page.getByRole("button", { name: "Approve selected" }).click();

      const results = page.getByRole("status").filter({ hasText: "Results" });
      await results.waitFor();
      expect(await results.textContent()).toContain("2 done, 0 not done.");
      expect(await results.textContent()).toContain(
        "Framing crew job shadow (bulk test) — Valley High — Approved: the employer has been asked.",
      );
      expect(await results.evaluate((el) => el === document.activeElement)).toBe(true);
      // Both left the queue, and each is approved.
      await page.getByRole("checkbox", { name: /Framing crew job shadow/ }).waitFor({ state: "detached" });
      expect(await page.getByRole("checkbox", { name: /Electrical rough-in job shadow/ }).count()).toBe(0);
      await expectAccessible(page, "the approval queue after a bulk approval");
      const coordinator = await suite.server.bearer("coordinator@valley.example");
      for (const m of [first, second])
        expect((await call<{ status: string }>(coordinator, "GET", `/api/matches/${m.id}`)).status).toBe("approved");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it("coordinator resends the paperwork links of two placements at once", async () => {
    await placementsWithPaperwork();
    const signLinksTo = async (to: string) =>
      (await call<{ text: string }[]>(null, "GET", `/api/dev/mailbox?to=${encodeURIComponent(to)}`)).filter((e) =>
        /\/sign\//.test(e.text),
      ).length;
    await emailedLink("parent.rosa@family.example", /https?:\/\/\S+\/sign\/[\w-]+/);
    const before = await signLinksTo("parent.rosa@family.example");
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await page
        .getByRole("navigation", { name: "Main navigation" })
        .getByRole("link", { name: /^Placements/ })
        .click();
      const column = page.getByRole("region", { name: /^Pending paperwork/ });
      await column.getByRole("checkbox", { name: /^Select: Rosa Delgado at Sierra Builders/ }).check();
      await column.getByRole("checkbox", { name: /^Select: Theo Banks at Sierra Builders/ }).check();
      await expectAccessible(page, "the placements board with two placements selected");
      await column.getByRole("button", { name: "Resend links" }).click();

      const results = page.getByRole("status").filter({ hasText: "Results" });
      await results.waitFor();
      expect(await results.textContent()).toContain("2 done, 0 not done.");
      expect(await results.textContent()).toContain("Rosa Delgado — Sierra Builders — Fresh signing links sent.");
      expect(await results.evaluate((el) => el === document.activeElement)).toBe(true);
      // The guardian has a fresh link in the mailbox.
      for (let i = 0; i < 50 && (await signLinksTo("parent.rosa@family.example")) === before; i++)
        await new Promise((r) => setTimeout(r, 150));
      expect(await signLinksTo("parent.rosa@family.example")).toBe(before + 1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
