import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 300_000;
const ZONE = "America/Los_Angeles";
const TALK = "Careers in radiology (calendar browser test)";

const suite = browserSuite();

const call = <T>(authorization: string | null, method: string, path: string, body?: unknown) =>
  suite.server.call<T>(authorization, method, path, body);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
let proposalId = "";
const dayIn = (at: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

/**
 * Preconditions through the API: a guest talk the employer accepted for tomorrow 18:00 UTC (a
 * scheduled engagement), and a teacher's second proposal still waiting for the coordinator.
 */
async function scheduledTalkAndAProposal(): Promise<Date> {
  const [employer, teacher, coordinator] = await Promise.all(
    ["employer@valley.example", "teacher@valley.example", "coordinator@valley.example"].map((e) =>
      suite.server.bearer(e),
    ),
  );
  const opportunity = await call<{ id: string }>(employer!, "POST", "/api/opportunities", {
    kind: "guest_speaker",
    sector: "Health Science and Medical Technology",
    title: TALK,
    description: "A radiologic technologist talks about the work.",
    modality: "in_person",
    capacity: 40,
  });
  await call(employer!, "POST", `/api/opportunities/${opportunity.id}/publish`);
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const ask = (notes: string) =>
    call<{ id: string }>(teacher!, "POST", "/api/requests", {
      kind: "guest_speaker",
      sector: "Health Science and Medical Technology",
      students: 25,
      gradeLevels: [11],
      windowStart: today,
      windowEnd: later,
      modality: "in_person",
      notes,
    });
  const [first, second] = [await ask("For the calendar test"), await ask("Still to approve")];
  const match = await call<{ id: string }>(coordinator!, "POST", "/api/matches", {
    requestId: first.id,
    opportunityId: opportunity.id,
    seats: 1,
  });
  const at = new Date(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T18:00:00Z`);
  await call(employer!, "POST", `/api/matches/${match.id}/accept`, { scheduledAt: at.toISOString() });
  proposalId = (
    await call<{ id: string }>(teacher!, "POST", "/api/matches", {
      requestId: second.id,
      opportunityId: opportunity.id,
      seats: 1,
    })
  ).id;
  return at;
}

/** At 390 px: nothing wider than the screen, and no badge or button clipping its own text. */
async function expectFitsSmallScreen(page: Page, what: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > 390)
      found.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(
        ".mantine-Badge-root, .mantine-Badge-label, .mantine-Button-root, .mantine-Button-label, button, [role=button]",
      ),
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1)
        found.push(`"${el.textContent?.trim()}" is clipped (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return found;
  });
  expect(problems, what).toEqual([]);
}

describe("what is waiting and the calendar", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("shows the coordinator matching counts, the scheduled talk in month and agenda views, and a feed that parses", async () => {
    const at = await scheduledTalkAndAProposal();
    const coordinator = await suite.server.bearer("coordinator@valley.example");
    const waiting = await call<{ approvals: number }>(coordinator, "GET", "/api/me/waiting");
    expect(waiting.approvals).toBeGreaterThanOrEqual(1);

    const { page, context, problems } = await openPage(suite.browser, suite.server.url);
    await logInAs(page, "coordinator@valley.example");

    // Home: "Needs you" counts what the API counts, and the navigation says it too.
    const needsYou = page.getByRole("region", { name: "Needs you" });
    const approvals = needsYou.getByRole("article", { name: "Approvals waiting" });
    await expect
      .poll(() => approvals.getByTestId("waiting-count-approval").textContent())
      .toBe(String(waiting.approvals));
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    // The hidden count is a separate box, so the computed name may carry a space before its comma.
    await nav.getByRole("link", { name: new RegExp(`^Approval queue\\s?, ${waiting.approvals} waiting$`) }).waitFor();
    await expectAccessible(page, "coordinator home");

    // Calendar, month view: the talk on its day at its time in the region's zone.
    await nav.getByRole("link", { name: "Calendar" }).click();
    await page.getByRole("heading", { level: 1, name: "Calendar" }).waitFor();
    expect(await page.getByRole("radio", { name: "Month" }).isChecked()).toBe(true);
    const time = new Intl.DateTimeFormat("en-US", {
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone: ZONE,
    }).format(at);
    if (dayIn(at).slice(0, 7) !== dayIn(new Date()).slice(0, 7))
      await page.getByRole("button", { name: "Next month" }).click();
    const dayName = new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: ZONE }).format(at);
    const cell = page.getByRole("table").getByRole("cell").filter({ hasText: dayName });
    await cell.getByRole("link", { name: `${time} ${TALK}` }).waitFor();
    await expectAccessible(page, "calendar, month view");

    // Agenda view: the day as a heading and the talk with its time.
    // Keyboard only: the view switch is a radio group (arrow keys), as a screen-reader user meets it.
    await page.getByRole("radio", { name: "Month" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Agenda" }).isChecked()).toBe(true);
    const agendaDay = page.getByRole("listitem").filter({
      has: page.getByRole("heading", {
        name: new Intl.DateTimeFormat("en-US", {
          weekday: "long",
          month: "long",
          day: "numeric",
          year: "numeric",
          timeZone: ZONE,
        }).format(at),
      }),
    });
    await agendaDay.getByRole("link", { name: new RegExp(`${escape(time)} · ${escape(TALK)}`) }).waitFor();
    await expectAccessible(page, "calendar, agenda view");

    // The feed: get the link, read it from the page, fetch it without login, parse it.
    await page.getByRole("button", { name: "Get my calendar link" }).click();
    const url = await page.getByRole("textbox", { name: "Your calendar link" }).inputValue();
    expect(url).toMatch(new RegExp(`^${suite.server.url}/api/calendar/feed/[\\w-]+\\.ics$`));
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await res.text()))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const talk = events.find((e) => e.summary === TALK);
    expect(talk).toBeDefined();
    expect(talk!.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(ZONE);
    expect(talk!.startDate.toJSDate().toISOString()).toBe(at.toISOString());
    const wallClock = new Intl.DateTimeFormat("en-CA", {
      timeZone: ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(at);
    expect(talk!.startDate.toString().slice(11, 16)).toBe(wallClock);

    // Reset: the old URL stops working, focus lands on the new link's notice.
    await page.getByRole("button", { name: "Reset link" }).click();
    await expect
      .poll(async () => (await page.getByRole("textbox", { name: "Your calendar link" }).inputValue()) !== url)
      .toBe(true);
    expect((await fetch(url)).status).toBe(404);
    await expectAccessible(page, "calendar with feed link");

    // Approving from the queue: focus goes to the notice (not the page's top) and the count drops.
    await nav.getByRole("link", { name: /^Approval queue/ }).click();
    await page.getByRole("article", { name: TALK }).getByRole("button", { name: "Approve" }).click();
    const approved = "Approved: the employer has been asked.";
    await page.getByRole("status").filter({ hasText: approved }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(approved);
    const left = waiting.approvals - 1;
    await nav
      .getByRole("link", {
        name: left === 0 ? /^Approval queue$/ : new RegExp(`^Approval queue\\s?, ${left} waiting$`),
      })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits 390 px on the employer's and the coordinator's main pages, axe clean", async () => {
    // The proposal approved above (through the API if that test did not get there) is an ask the employer sees on its home.
    await call(
      await suite.server.bearer("coordinator@valley.example"),
      "POST",
      `/api/matches/${proposalId}/approve`,
    ).catch(() => null);
    const pages: Record<string, string[]> = {
      "employer@valley.example": ["/", "/asks", "/opportunities", "/calendar"],
      "coordinator@valley.example": ["/", "/approvals", "/placements", "/matches", "/calendar"],
    };
    for (const [email, paths] of Object.entries(pages)) {
      const { page, context, problems } = await openPage(suite.browser, suite.server.url);
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, email);
      for (const path of paths) {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.waitForLoadState("networkidle");
        await expectFitsSmallScreen(page, `${email} ${path}`);
        await expectAccessible(page, `${email} ${path} at 390 px`);
      }
      // The employer's home lists the incoming ask with its count, as the navigation does.
      if (email === "employer@valley.example") {
        await page.goto("/");
        const asks = page.getByRole("article", { name: "Incoming asks to answer" });
        await asks.getByRole("link", { name: "Open incoming asks" }).waitFor();
        // In Spanish: the home list and the calendar (agenda first on a phone) speak it.
        await page.getByLabel("Language").selectOption("es");
        await page.getByRole("article", { name: "Peticiones recibidas por responder" }).waitFor();
        await page.goto("/calendar");
        await page.getByRole("heading", { level: 1, name: "Calendario" }).waitFor();
        expect(await page.getByRole("radio", { name: "Agenda" }).isChecked()).toBe(true);
        await page.getByRole("button", { name: "Obtener mi enlace de calendario" }).waitFor();
        await expectAccessible(page, "the Spanish calendar at 390 px");
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
