import { describe, expect, it } from "vitest";
import {
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
  switchLanguage,
} from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine shared with other suites: allow for slow pages.
const FLOW_TIMEOUT = 300_000;

const suite = browserSuite();

const nav = clickNav;

/** A `date` / `datetime-local` value `days` from now (the region's zone and this machine's differ by hours, not days, at these hours). */
function localDate(days: number, hour?: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return hour === undefined ? date : `${date}T${pad(hour)}:00`;
}

async function api<T>(method: string, path: string, as: string, body?: unknown): Promise<T> {
  const res = await fetch(`${suite.server.url}${path}`, {
    method,
    headers: {
      authorization: await suite.server.bearer(as),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// A guest talk no demo opportunity is titled like, so its cards are found by name.
const TALK = "Night shift in the ICU: a talk by our nurses";
const SHADOW = "Shadow a radiology technologist for a morning";

describe("asks and requests, from both sides", { timeout: FLOW_TIMEOUT }, () => {
  it("employer posts a job shadow; teacher asks for a speaker, proposes, sees the date; employer accepts inside the window; teacher cancels", async () => {
    // Preconditions through the API: Valley Medical Center may take no asks this month (the
    // intermediary lifts that later), and it already offers a guest talk that fits the
    // teacher's coming request.
    const orgs = await api<{ items: { id: string; name: string }[] }>(
      "GET",
      "/api/organizations?type=employer&q=Valley%20Medical&pageSize=10",
      "intermediary@valley.example",
    );
    const vmc = orgs.items.find((o) => o.name === "Valley Medical Center")!;
    await api("PATCH", `/api/organizations/${vmc.id}`, "intermediary@valley.example", { askCapPerMonth: 0 });
    const talk = await api<{ id: string }>("POST", "/api/opportunities", "employer@valley.example", {
      kind: "guest_speaker",
      sector: "Health Science and Medical Technology",
      title: TALK,
      modality: "in_person",
      capacity: 40,
      city: "Fresno",
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 3_600_000).toISOString(),
    });
    await api("POST", `/api/opportunities/${talk.id}/publish`, "employer@valley.example");

    // 1. The teacher asks for a guest speaker and proposes the talk from the suggestions.
    const teacher = await openPage(suite.browser, suite.server.url);
    let requestUrl = "";
    try {
      const page = teacher.page;
      await logInAs(page, "teacher@valley.example", "Welcome, Tanya Nguyen");
      await nav(page, "My requests");
      await page.getByRole("heading", { level: 1, name: "My requests" }).waitFor();
      await page.getByRole("link", { name: "New request" }).click();
      await page.getByRole("heading", { level: 1, name: "Ask for an experience" }).waitFor();
      await page.getByLabel("Kind of experience").selectOption("guest_speaker");
      await page.getByLabel("Pathway").selectOption({ label: "Health Science" });
      await page.getByLabel("Number of students").fill("28");
      await page.getByLabel("Grade 11").check();
      await page.getByLabel("Grade 12").check();
      await page.getByLabel("Earliest date").fill(localDate(20));
      await page.getByLabel("Latest date").fill(localDate(50));
      await page.getByLabel("Notes").fill("Please bring a stethoscope; the class is preparing for CNA certification.");
      await page.getByRole("button", { name: "Send request" }).click();
      await page.getByRole("heading", { level: 1, name: "Guest speaker · Valley High" }).waitFor();
      requestUrl = page.url();

      const card = page.getByRole("article", { name: TALK });
      await card.waitFor();
      // Its employer is at its monthly cap: the talk comes after every bookable suggestion,
      // flagged, with Propose disabled; the best suggestion can be booked now.
      expect(await card.innerText()).toContain("Not bookable now");
      await card.getByText("Valley Medical Center has had all the asks agreed for this month").waitFor();
      expect(await card.getByRole("button", { name: "Propose" }).isDisabled()).toBe(true);
      // Whatever else is suggested, nothing bookable comes after something that is not.
      const flags = (await page.getByRole("article").allInnerTexts()).map((text) => text.includes("Not bookable now"));
      expect(flags.slice(flags.indexOf(true)).every(Boolean)).toBe(true);
      await expectAccessible(page, "the request page with suggestions");

      // Once the cap is lifted, the talk is bookable (and, fitting best, comes first).
      await api("PATCH", `/api/organizations/${vmc.id}`, "intermediary@valley.example", { askCapPerMonth: null });
      await page.reload();
      await card.waitFor();
      expect(await card.innerText()).not.toContain("Not bookable now");
      await card.getByRole("button", { name: "Propose" }).click();
      await card.getByText("Proposed. Your coordinator will review it.").waitFor();
      const asks = page.getByRole("region", { name: "Matches for this request" });
      await asks
        .getByRole("row", {
          name: new RegExp(`${TALK}.*Waiting for the coordinator to approve asking Valley Medical Center`),
        })
        .waitFor();
      expect(teacher.problems).toEqual([]);
    } catch (error) {
      await teacher.context.close();
      throw error;
    }

    // The coordinator's approval (its own flow is covered in brokering.test.ts).
    const requestId = requestUrl.split("/").pop()!;
    const matches = await api<{ items: { id: string }[] }>(
      "GET",
      `/api/matches?requestId=${requestId}`,
      "coordinator@valley.example",
    );
    await api("POST", `/api/matches/${matches.items[0]!.id}/approve`, "coordinator@valley.example");

    // 2. The employer posts and publishes a job shadow, then answers the ask: outside the window first, then inside.
    const employer = await openPage(suite.browser, suite.server.url);
    try {
      const page = employer.page;
      await logInAs(page, "employer@valley.example", "Welcome, Elena Park");
      await nav(page, "My opportunities");
      await page.getByRole("heading", { level: 1, name: "My opportunities" }).waitFor();
      await page.getByRole("link", { name: "New opportunity" }).click();
      await page.getByRole("heading", { level: 1, name: "Post an opportunity" }).waitFor();
      await page.getByLabel("Title").fill(SHADOW);
      await page.getByLabel("Kind of experience").selectOption("job_shadow");
      await page.getByLabel("Industry sector").selectOption("Health Science and Medical Technology");
      await page.getByLabel("Format").selectOption("in_person");
      await page
        .getByLabel("Description")
        .fill("One or two students follow a technologist through X-ray and CT for a morning.");
      await page.getByLabel("Seats (students)").fill("2");
      await page.getByLabel("City").fill("Fresno");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByRole("heading", { level: 1, name: SHADOW }).waitFor();
      await page.getByRole("button", { name: "Publish" }).click();
      await page.getByText("The opportunity is now Published.").waitFor();
      await nav(page, "My opportunities");
      await page.getByLabel("Search").fill("radiology technologist");
      await page.waitForURL(/q=radiology/);
      expect(await page.getByRole("row", { name: new RegExp(SHADOW) }).innerText()).toMatch(
        /Job shadow[\s\S]*Published[\s\S]*2 of 2/,
      );

      await nav(page, "Incoming asks");
      await page.getByRole("heading", { level: 1, name: "Incoming asks" }).waitFor();
      const ask = page.getByRole("article", { name: TALK });
      await ask.waitFor();
      // Everything needed to decide: window, grades, students, format, notes, school, teacher.
      const card = await ask.innerText();
      for (const fact of [
        "Teacher's window",
        "Grades",
        "11, 12",
        "Students",
        "28",
        "Format",
        "In person",
        "Valley High",
        "Tanya Nguyen",
        "Please bring a stethoscope",
      ])
        expect(card).toContain(fact);
      const start = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${localDate(20)}T12:00:00Z`),
      );
      const end = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${localDate(50)}T12:00:00Z`),
      );
      expect(card).toContain(`${start} – ${end}`);
      await expectAccessible(page, "the employer's incoming asks");

      // At 390 px nothing sticks out sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await ask.waitFor();
      await expectFitsWidth(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      // A time outside the teacher's window is refused, saying which days would do.
      const when = ask.getByLabel("Date and time (optional)");
      expect(await when.getAttribute("min")).toBe(`${localDate(20)}T00:00`);
      expect(await when.getAttribute("max")).toBe(`${localDate(50)}T23:59`);
      await when.fill(localDate(70, 10));
      await ask.getByRole("button", { name: "Accept" }).click();
      await ask.getByText(`Pick a date from ${start} to ${end}`).waitFor();
      await ask.getByText(/That time is outside the teacher's window/).waitFor();
      expect(await when.getAttribute("aria-invalid")).toBe("true");
      await expectAccessible(page, "the refused accept");

      // In Spanish, the card's labels too.
      await switchLanguage(page, "Language", "es");
      await ask.getByText("Periodo del docente", { exact: true }).waitFor({ timeout: 20_000 });
      expect(await ask.innerText()).toContain("Notas del docente");
      await switchLanguage(page, "Idioma", "en");
      await ask.getByText("Teacher's window", { exact: true }).waitFor({ timeout: 20_000 });

      await when.fill(localDate(30, 10));
      await ask.getByRole("button", { name: "Accept" }).click();
      await page.getByText("Accepted.", { exact: true }).waitFor();
      await ask.waitFor({ state: "detached" });
      await page.getByRole("region", { name: "Scheduled" }).getByRole("link", { name: TALK }).waitFor();
      expect(employer.problems).toEqual([]);
    } finally {
      await employer.context.close();
    }

    // 3. The teacher sees the date in the list and on the request, then cancels the request.
    try {
      const page = teacher.page;
      await nav(page, "My requests");
      await page.getByRole("heading", { level: 1, name: "My requests" }).waitFor();
      const scheduled = new RegExp(
        `Scheduled for ${new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${localDate(30)}T12:00:00Z`))}, 10:00 AM P[SD]T with Valley Medical Center`,
      );
      const row = page
        .getByRole("row", { name: /Guest speaker/ })
        .filter({ hasText: "Valley Medical Center" })
        .first();
      await row.waitFor();
      expect(await row.innerText()).toMatch(scheduled);
      await expectAccessible(page, "the teacher's requests");

      await page.goto(requestUrl);
      await page.getByRole("heading", { level: 1, name: "Guest speaker · Valley High" }).waitFor();
      const asks = page.getByRole("region", { name: "Matches for this request" });
      await asks.getByText(scheduled).waitFor();
      // Matched: no "nothing fits" message.
      await page.getByText("An employer has said yes to this request", { exact: false }).waitFor();
      await page
        .getByRole("region", { name: "Suggested opportunities" })
        .getByText(/Loading/)
        .waitFor({ state: "detached" });
      const main = await page.getByRole("main").innerText();
      expect(main).toContain("An employer has said yes to this request");
      expect(main).not.toContain("No published opportunity fits");
      await expectAccessible(page, "the matched request");

      // Spanish: the ask's state and the cancel button.
      await switchLanguage(page, "Language", "es");
      await page
        .getByRole("main")
        .getByText(/Programado para el .* con Valley Medical Center/)
        .waitFor({ timeout: 20_000 });
      await page.getByRole("button", { name: "Cancelar solicitud" }).waitFor();
      await switchLanguage(page, "Idioma", "en");
      await page.getByRole("button", { name: "Cancel request" }).waitFor({ timeout: 20_000 });

      await page.getByRole("button", { name: "Cancel request" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
      await dialog.waitFor();
      await expectAccessible(page, "the cancel dialog");
      await dialog.getByLabel("Reason (optional)").fill("The class trip was moved to spring.");
      await dialog.getByRole("button", { name: "Cancel the request" }).click();
      await page.getByText("The request is cancelled.").waitFor();
      await dialog.waitFor({ state: "detached" });
      await page.getByRole("main").getByText("Cancelled", { exact: true }).first().waitFor();
      await asks.getByText("Cancelled (ask to Valley Medical Center)").waitFor();
      await expect(page.getByRole("button", { name: "Cancel request" }).count()).resolves.toBe(0);
      expect(teacher.problems).toEqual([]);
    } finally {
      await teacher.context.close();
    }
  });
});
