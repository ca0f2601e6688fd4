import { describe, expect, it } from "vitest";
import { browserSuite, clickNav, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine shared with other suites: allow for slow pages.
const FLOW_TIMEOUT = 300_000;

const suite = browserSuite();

// An entry with work waiting is named with its count ("Approval queue, 2 waiting").
const nav = clickNav;

/** A `datetime-local` / `date` value `days` from now, in the browser's (this machine's) time zone. */
function localDate(days: number, hour?: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return hour === undefined ? date : `${date}T${pad(hour)}:00`;
}

// "Simulated work" appears nowhere in the demo history and has no similar kinds, so the
// teacher's request can only be served by this opportunity: it is the top suggestion.
const TITLE = "Virtual hospital ward simulation with Valley Medical Center";

describe("brokering, from an employer's offer to a scheduled visit", { timeout: FLOW_TIMEOUT }, () => {
  it("employer publishes, teacher proposes from suggestions, coordinator approves, employer accepts with a time", async () => {
    // The demo history may already have used up this month's asks to Valley Medical Center;
    // the cap is not what this flow is about, so the intermediary lifts it first.
    const intermediary = await suite.server.bearer("intermediary@valley.example");
    const orgs = (await (
      await fetch(`${suite.server.url}/api/organizations?type=employer&q=Valley%20Medical&pageSize=10`, {
        headers: { authorization: intermediary },
      })
    ).json()) as { items: { id: string; name: string }[] };
    const vmc = orgs.items.find((o) => o.name === "Valley Medical Center")!;
    const lifted = await fetch(`${suite.server.url}/api/organizations/${vmc.id}`, {
      method: "PATCH",
      headers: { authorization: intermediary, "content-type": "application/json" },
      body: JSON.stringify({ askCapPerMonth: null }),
    });
    expect(lifted.status).toBe(200);

    // 1. The employer posts a draft and publishes it.
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const page = employer.page;
      await logInAs(page, "employer@valley.example", "Welcome, Elena Park");
      await nav(page, "My opportunities");
      await page.getByRole("heading", { level: 1, name: "My opportunities" }).waitFor();
      await page.getByRole("table", { name: "Opportunities" }).waitFor();
      await expectAccessible(page, "the employer's opportunities");

      await page.getByRole("link", { name: "New opportunity" }).click();
      await page.getByRole("heading", { level: 1, name: "Post an opportunity" }).waitFor();
      // The shared schema answers before the server is asked.
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByText("Enter the title.").waitFor();
      await page.getByText("Choose the kind of experience.").waitFor();
      await expectAccessible(page, "the opportunity form with errors");

      await page.getByLabel("Title").fill(TITLE);
      await page.getByLabel("Kind of experience").selectOption("simulated_work");
      await page.getByLabel("Industry sector").selectOption("Health Science and Medical Technology");
      await page.getByLabel("Format").selectOption("in_person");
      await page
        .getByLabel("Description")
        .fill("Students run a simulated shift on our training ward with nurses and a respiratory therapist.");
      await page.getByLabel("Seats (students)").fill("30");
      await page.getByLabel("Starts").fill(localDate(40, 9));
      await page.getByLabel("Ends").fill(localDate(40, 12));
      await page.getByLabel("City").fill("Fresno");
      await page.getByLabel("ZIP code").fill("93721");
      await page.getByLabel("Requirements").fill("Closed-toe shoes\nSigned guardian consent");
      await page.getByRole("button", { name: "Save draft" }).click();

      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await page.getByText("Draft", { exact: true }).waitFor();
      await expectAccessible(page, "the draft opportunity");
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByText("The opportunity is now Published.").waitFor();
      await page.getByRole("button", { name: "Pause" }).waitFor();

      // Search finds it in the list, with its state and seats.
      await nav(page, "My opportunities");
      await page.getByRole("heading", { level: 1, name: "My opportunities" }).waitFor();
      await page.getByLabel("Search").fill("ward simulation");
      await page.waitForURL(/q=ward/);
      const row = page.getByRole("row", { name: new RegExp(TITLE) });
      await row.waitFor();
      expect(await row.innerText()).toMatch(/Published[\s\S]*30 of 30/);
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }

    // 2. The teacher asks, sees why the opportunity is suggested, and proposes it.
    const teacher = await openPage(suite.browser, suite.server.url);
    try {
      const page = teacher.page;
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
      await nav(page, "My requests");
      await page.getByRole("heading", { level: 1, name: "My requests" }).waitFor();
      await page.getByRole("link", { name: "New request" }).click();
      await page.getByRole("heading", { level: 1, name: "Ask for an experience" }).waitFor();
      await page.getByLabel("Kind of experience").selectOption("simulated_work");
      await page.getByLabel("Pathway").selectOption({ label: "Health Science" });
      // Picking the pathway filled in its sector.
      expect(await page.getByLabel("Industry sector").inputValue()).toBe("Health Science and Medical Technology");
      await page.getByLabel("Number of students").fill("24");
      await page.getByLabel("Grade 10").check();
      await page.getByLabel("Grade 11").check();
      await page.getByLabel("Earliest date").fill(localDate(30));
      await page.getByLabel("Latest date").fill(localDate(60));
      await page.getByLabel("Notes").fill("Two of our students use wheelchairs.");
      await expectAccessible(page, "the request form");
      await page.getByRole("button", { name: "Send request" }).click();

      await page.getByRole("heading", { level: 1, name: "Simulated work · Valley High" }).waitFor();
      const card = page.getByRole("article", { name: TITLE });
      await card.waitFor();
      // Best first, and the reasons are shown in words.
      expect(await page.getByRole("article").first().getAttribute("aria-labelledby")).toBe(
        await card.getAttribute("aria-labelledby"),
      );
      const reasons = await card.innerText();
      expect(reasons).toContain("Same sector: Health Science and Medical Technology");
      expect(reasons).toContain("Exactly the kind you asked for");
      expect(reasons).toContain("Dates fall inside your window");
      expect(reasons).toMatch(/\d+% fit/);
      await expectAccessible(page, "the request page with suggestions");
      // In Spanish the same reasons are worded from their codes and numbers, not translated from English.
      await page.getByLabel("Language").selectOption("es");
      await card.getByText("Mismo sector: Ciencias de la salud y tecnología médica").waitFor();
      const spanish = await card.innerText();
      expect(spanish).toContain("Exactamente el tipo que pidió");
      expect(spanish).toContain("Las fechas caen dentro de su periodo");
      expect(spanish).not.toContain("Same sector");
      await page.getByLabel("Idioma").selectOption("en");
      await card.getByText("Same sector: Health Science and Medical Technology").waitFor();

      expect(await card.getByLabel("Seats").inputValue()).toBe("24");
      await card.getByRole("button", { name: "Propose" }).click();
      await card.getByText("Proposed. Your coordinator will review it.").waitFor();
      await page
        .getByRole("region", { name: "Matches for this request" })
        .getByRole("row", { name: new RegExp(`${TITLE}.*Proposed`) })
        .waitFor();
      expect(teacher.problems).toEqual([]);
    } finally {
      await teacher.context.close();
    }

    // 3. The coordinator approves it from the queue.
    const coordinator = await openPage(suite.browser, suite.server.url);
    try {
      const page = coordinator.page;
      await logInAs(page, "coordinator@valley.example", "Welcome, Carlos Mendoza");
      await nav(page, "Approval queue");
      await page.getByRole("heading", { level: 1, name: "Approval queue" }).waitFor();
      const item = page.getByRole("article", { name: TITLE });
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain("Valley High");
      expect(text).toContain("Tanya Nguyen");
      await expectAccessible(page, "the approval queue");
      await item.getByRole("button", { name: "Approve" }).click();
      await page.getByText("Approved: the employer has been asked.").waitFor();
      await item.waitFor({ state: "detached" });
      expect(coordinator.problems).toEqual([]);
    } finally {
      await coordinator.context.close();
    }

    // 4. The employer accepts with a time, and the match shows scheduled.
    const again = await openPage(suite.browser, suite.server.url);
    try {
      const page = again.page;
      await logInAs(page, "employer@valley.example", "Welcome, Elena Park");
      await nav(page, "Incoming asks");
      await page.getByRole("heading", { level: 1, name: "Incoming asks" }).waitFor();
      const ask = page.getByRole("article", { name: TITLE });
      await ask.waitFor();
      await expectAccessible(page, "the employer's incoming asks");
      await ask.getByLabel("Date and time (optional)").fill(localDate(40, 9));
      await ask.getByRole("button", { name: "Accept" }).click();
      await page.getByText("Accepted.", { exact: true }).waitFor();
      await ask.waitFor({ state: "detached" });

      const scheduled = page.getByRole("region", { name: "Scheduled" });
      await scheduled.getByRole("link", { name: TITLE }).click();
      await page.getByRole("heading", { level: 1, name: `Match: ${TITLE}` }).waitFor();
      const history = page.getByRole("region", { name: "History" });
      await history.getByText(/^Scheduled ·/).waitFor();
      const events = await history.innerText();
      expect(events).toMatch(
        /Proposed ·[\s\S]*Tanya Nguyen[\s\S]*Approved ·[\s\S]*Carlos Mendoza[\s\S]*Scheduled ·[\s\S]*Elena Park/,
      );
      expect(await page.getByRole("main").innerText()).toContain("Scheduled for");
      await expectAccessible(page, "the scheduled match");
      expect(again.problems).toEqual([]);
    } finally {
      await again.context.close();
    }
  });
});
