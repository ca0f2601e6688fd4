import { readFile } from "node:fs/promises";
import { eventInterviews, eventStudents, eventVolunteers, organizations, students } from "@bridgework/db";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../api/test/pdf-text.ts";
import {
  type BrowserPage,
  browserSuite,
  clickNav,
  expectAccessible,
  expectFitsWidth,
  logInAs,
  openPage,
} from "../../../test/support/browser.ts";

/**
 * Issue 17's "done when", end to end in Chromium: a coordinator's mock-interview day from the
 * empty form to the placement report, with 30 volunteers signing up on the public page.
 */
const BROWSER_TEST_TIMEOUT = 300_000;
// Behind a proxy, as in production: each volunteer signs up from their own network (the public
// sign-up allows 10 an hour per address), told apart by X-Forwarded-For.
const suite = browserSuite({ TRUST_PROXY: "true" });

const TITLE = "Winter Mock Interview Day";
const SCHOOL = "Valley Career Academy";
const STUDENTS = 120;
const PER_SHIFT = 15;
// Today in the region's zone: the event is held today, so it counts in this school year.
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles" }).format(new Date());

/** A new academy of Valley Unified with its 120 juniors, as the district's roster import leaves them. */
async function academyWithJuniors() {
  const db = suite.server.db.db;
  const district = (await db.select().from(organizations)).find((o) => o.name === "Valley Unified")!;
  const [school] = await db
    .insert(organizations)
    .values({
      regionId: district.regionId,
      type: "school",
      name: SCHOOL,
      parentId: district.id,
      city: "Fresno",
      postalCode: "93721",
    })
    .returning();
  await db.insert(students).values(
    Array.from({ length: STUDENTS }, (_, i) => ({
      regionId: district.regionId,
      districtId: district.id,
      schoolId: school!.id,
      localId: `VCA-${i}`,
      firstName: `Junior${i}`,
      lastName: "Academy",
      birthDate: "2009-05-01",
      grade: 11,
    })),
  );
}

async function emailTo(to: string, subject: RegExp): Promise<string> {
  for (let i = 0; i < 80; i++) {
    const { rows } = await suite.server.db.pool.query<{ subject: string; text: string }>(
      'SELECT subject, text FROM emails WHERE "to" = $1 ORDER BY created_at',
      [to],
    );
    const found = rows.find((r) => subject.test(r.subject));
    if (found) return found.text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email ${subject} to ${to}`);
}

interface Volunteer {
  name: string;
  email: string;
  employer: string;
  shift: 0 | 1;
}

const volunteer = (n: number, shift: 0 | 1): Volunteer => ({
  name: `Volunteer${n} Okafor`,
  email: `volunteer${n}@employer${n % 10}.example`,
  employer: `Employer ${n % 10} Incorporated`,
  shift,
});

/** One person on the public page, on their own network, with the form filled in (not yet sent). */
async function fillSignUp(signUpPath: string, person: Volunteer, address: number): Promise<BrowserPage> {
  const visitor = await openPage(suite.browser, suite.server.url, {
    headers: { "x-forwarded-for": `198.51.100.${address}` },
  });
  const { page } = visitor;
  await page.goto(signUpPath);
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await page.getByRole("radio").nth(person.shift).click();
  await page.getByRole("textbox", { name: /^Your name/ }).fill(person.name);
  await page.getByRole("textbox", { name: /^Email/ }).fill(person.email);
  await page.getByRole("textbox", { name: /^Employer/ }).fill(person.employer);
  return visitor;
}

async function signUp(signUpPath: string, person: Volunteer, address: number): Promise<void> {
  const visitor = await fillSignUp(signUpPath, person, address);
  try {
    await visitor.page.getByRole("button", { name: "Sign up" }).click();
    await visitor.page.getByRole("status").filter({ hasText: "You are signed up" }).waitFor();
    expect(visitor.problems).toEqual([]);
  } finally {
    await visitor.context.close();
  }
}

/** Runs `work` over `items`, `lanes` at a time (people signing up in the same minutes). */
async function inLanes<T>(items: T[], lanes: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

async function interviewsOf(eventId: string) {
  const rows = await suite.server.db.db.select().from(eventInterviews);
  return rows.filter((r) => r.eventId === eventId);
}

async function studentsServed(page: BrowserPage["page"]): Promise<number> {
  await clickNav(page, "Dashboard");
  const totals = page.getByRole("region", { name: "This school year vs last" });
  const row = totals.getByRole("row", { name: /^Students served/ });
  await row.waitFor();
  const [thisYear] = await row.getByRole("cell").allInnerTexts();
  return Number(thisYear!.replace(/[^\d]/g, ""));
}

describe("a mock-interview day from the form to the placement report", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("signs up 30 volunteers, schedules 120 students, replaces a cancellation, takes scores on a phone and counts in the report", async () => {
    await academyWithJuniors();
    const coordinator = await openPage(suite.browser, suite.server.url);
    const { page } = coordinator;
    try {
      // The coordinator creates the day with two interviewer shifts from the navigation.
      await logInAs(page, "coordinator@valley.example");
      const servedBefore = await studentsServed(page);
      await clickNav(page, "Events");
      await page.getByRole("link", { name: "New event" }).click();
      await page.getByRole("heading", { level: 1, name: "New event" }).waitFor();
      await page.getByLabel(/^Title/).fill(TITLE);
      await page.getByLabel(/^Starts/).fill(`${DAY}T08:00`);
      await page.getByLabel(/^Ends/).fill(`${DAY}T16:00`);
      await page.getByLabel("Location").fill("Valley Career Academy gym");
      await page.getByRole("checkbox", { name: SCHOOL }).check();
      await page.getByLabel("Minutes per interview").fill("15");
      for (const [i, [from, to]] of [
        ["08:00", "11:45"],
        ["12:00", "15:45"],
      ].entries()) {
        if (i > 0) await page.getByRole("button", { name: "Add a role" }).click();
        const role = page.getByRole("group", { name: `Role ${i + 1}` });
        expect(await role.getByLabel("Role name").inputValue()).toBe("Interviewer");
        await role.getByLabel("Shift starts").fill(`${DAY}T${from}`);
        await role.getByLabel("Shift ends").fill(`${DAY}T${to}`);
        await role.getByLabel("Volunteers needed").fill(String(PER_SHIFT));
      }
      await page.getByRole("button", { name: "Create event" }).click();
      await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      await page.getByRole("button", { name: "Open for sign-up" }).click();
      const signUpUrl = await page.getByLabel("Public sign-up link").inputValue();
      const signUpPath = new URL(signUpUrl).pathname;
      const eventId = signUpPath.split("/").pop()!;

      // 29 professionals sign up on the public page; then two at once for the last place of the second shift.
      const people = [
        ...Array.from({ length: PER_SHIFT }, (_, i) => volunteer(i + 1, 0)),
        ...Array.from({ length: PER_SHIFT - 1 }, (_, i) => volunteer(PER_SHIFT + i + 1, 1)),
      ];
      await inLanes(people, 4, (person, i) => signUp(signUpPath, person, i + 1));
      const racers = [volunteer(30, 1), volunteer(31, 1)];
      const racing = await Promise.all(racers.map((person, i) => fillSignUp(signUpPath, person, 100 + i)));
      try {
        await Promise.all(racing.map((r) => r.page.getByRole("button", { name: "Sign up" }).click()));
        const answers = await Promise.all(
          racing.map(async (r) => {
            const status = r.page.getByRole("status");
            await status.waitFor();
            return (await status.textContent()) ?? "";
          }),
        );
        expect(answers.filter((a) => a.includes("You are signed up"))).toHaveLength(1);
        expect(answers.filter((a) => a.includes("You are on the waiting list"))).toHaveLength(1);
      } finally {
        await Promise.all(racing.map((r) => r.context.close()));
      }
      const signedUp = (await suite.server.db.db.select().from(eventVolunteers)).filter((v) => v.eventId === eventId);
      expect(signedUp.filter((v) => v.status === "confirmed")).toHaveLength(30);
      expect(signedUp.filter((v) => v.status === "waitlisted")).toHaveLength(1);

      // The event page shows both shifts full.
      await page.reload();
      const roles = page.getByRole("table", { name: /Roles and shifts/ });
      await expect
        .poll(async () => (await roles.getByRole("row").allInnerTexts()).slice(1))
        .toEqual([
          expect.stringMatching(/Interviewer.*15\s+15\s+0/s),
          expect.stringMatching(/Interviewer.*15\s+15\s+1/s),
        ]);

      // The academy's 120 juniors join, and Bridgework builds the schedule.
      await page.getByRole("link", { name: "Students and schedule" }).click();
      const add = page.getByRole("region", { name: "Add students" });
      await add.getByRole("combobox", { name: /^School/ }).selectOption({ label: SCHOOL });
      await add.getByRole("combobox", { name: "Grade" }).selectOption("11");
      await add.getByRole("button", { name: "Add students" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `${STUDENTS} students added, 0 already taking part` })
        .waitFor();
      await page.getByRole("button", { name: "Build schedule" }).click();
      await page.getByText(`360 interviews for ${STUDENTS} students: ${STUDENTS} have all 3 interviews`).waitFor();
      await page.getByText("Every student has all their interviews.").waitFor();

      // Every student: 3 interviews with 3 different interviewers from 3 different employers; nobody double-booked.
      const employerOf = new Map(signedUp.map((v) => [v.id, v.employerName]));
      const built = await interviewsOf(eventId);
      expect(built).toHaveLength(360);
      const byStudent = new Map<string, typeof built>();
      for (const i of built) byStudent.set(i.eventStudentId, [...(byStudent.get(i.eventStudentId) ?? []), i]);
      expect(byStudent.size).toBe(STUDENTS);
      for (const list of byStudent.values()) {
        expect(new Set(list.map((i) => i.volunteerId)).size).toBe(3);
        expect(new Set(list.map((i) => employerOf.get(i.volunteerId))).size).toBe(3);
        expect(new Set(list.map((i) => i.startsAt.getTime())).size).toBe(3);
      }
      expect(new Set(built.map((i) => `${i.volunteerId} ${i.startsAt.getTime()}`)).size).toBe(built.length);

      // One volunteer of the morning cancels by the link in their email: only their slots move.
      const leaving = people[2]!;
      const leavingId = signedUp.find((v) => v.email === leaving.email)!.id;
      const theirs = built.filter((i) => i.volunteerId === leavingId);
      expect(theirs.length).toBeGreaterThan(0);
      const cancelLink = (await emailTo(leaving.email, /^You are signed up/)).match(
        /\/volunteer\/cancel\/[A-Za-z0-9_-]{40,}/,
      )![0];
      const leaver = await openPage(suite.browser, suite.server.url);
      try {
        await leaver.page.goto(cancelLink);
        await leaver.page.getByRole("button", { name: "Cancel my place" }).click();
        await leaver.page.getByRole("status").filter({ hasText: "Your place is cancelled" }).waitFor();
      } finally {
        await leaver.context.close();
      }
      const after = await interviewsOf(eventId);
      const kept = new Set(after.map((i) => i.id));
      const others = built.filter((i) => i.volunteerId !== leavingId);
      expect(others.every((i) => kept.has(i.id))).toBe(true);
      expect(after.filter((i) => i.volunteerId === leavingId)).toHaveLength(0);
      const moved = after.filter((i) => !built.some((b) => b.id === i.id));
      expect(moved).toHaveLength(theirs.length);
      expect(new Set(moved.map((i) => i.eventStudentId))).toEqual(new Set(theirs.map((i) => i.eventStudentId)));
      expect(after).toHaveLength(360);

      // On a 390 px phone, a morning interviewer opens their own link and scores two students.
      const scorer = people[0]!;
      const scorerId = signedUp.find((v) => v.email === scorer.email)!.id;
      const scheduleLink = (await emailTo(scorer.email, /^You are signed up/)).match(
        /\/volunteer\/[A-Za-z0-9_-]{40,}/,
      )![0];
      const mine = after.filter((i) => i.volunteerId === scorerId).sort((a, b) => +a.startsAt - +b.startsAt);
      const roster = await suite.server.db.db.select().from(eventStudents);
      const everyone = await suite.server.db.db.select().from(students);
      const shortName = (interview: (typeof mine)[number]) => {
        const entry = roster.find((r) => r.id === interview.eventStudentId)!;
        const student = everyone.find((s) => s.id === entry.studentId)!;
        return `${student.firstName} ${student.lastName[0]}.`;
      };
      const phone = await openPage(suite.browser, suite.server.url);
      const scoredNames = [shortName(mine[0]!), shortName(mine[1]!)];
      try {
        await phone.page.setViewportSize({ width: 390, height: 844 });
        await phone.page.goto(scheduleLink);
        await phone.page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
        await phone.page.getByText(/Your station: Table \d+/).waitFor();
        for (const [n, name] of scoredNames.entries()) {
          await phone.page.getByRole("button", { name: `Score ${name}` }).click();
          const rubric = phone.page.getByRole("region", {
            name: new RegExp(`^Rubric for ${name.replace(".", "\\.")}`),
          });
          for (const label of ["First impression", "Communication", "Preparation", "Professionalism"]) {
            await rubric
              .getByRole("group", { name: label })
              .getByLabel(String(4 - n), { exact: true })
              .check();
          }
          await rubric.getByLabel("Comment (optional)").fill(`Firm handshake, ${name}`);
          await rubric.getByRole("button", { name: "Save" }).click();
          await phone.page
            .getByRole("status", { name: `Save status for ${name}` })
            .getByText("Saved ✓")
            .waitFor();
          if (n === 0) await phone.page.getByRole("button", { name: `Close the rubric for ${name}` }).click();
        }
        await expectFitsWidth(phone.page);
        await expectAccessible(phone.page, "an interviewer's schedule and rubric at 390 px");
        expect(phone.problems).toEqual([]);
      } finally {
        await phone.context.close();
      }

      // The coordinator downloads the schedules (PDF) and the rubric results (CSV) and reads them back.
      await page.reload();
      await page.getByRole("button", { name: "Build schedule" }).waitFor();
      // The schedule seen by interviewer, and its PDF: one page per interviewer.
      await page.getByRole("radio", { name: "Student", exact: true }).focus();
      await page.keyboard.press("ArrowRight");
      await page.getByRole("listitem", { name: scorer.name }).waitFor();
      const [pdf] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Schedules by interviewer (PDF)" }).click(),
      ]);
      const text = await pdfText(await readFile((await pdf.path())!));
      expect(text).toContain("Interviewer schedule");
      expect(text).toContain(scorer.name);
      expect(text).not.toContain(leaving.name);
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Rubric results (CSV)" }).click(),
      ]);
      const rows = parse(await readFile((await csv.path())!, "utf8"), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(360);
      const scoreOf = (name: string) => rows.find((r) => r.comment === `Firm handshake, ${name}`);
      expect(scoreOf(scoredNames[0]!)).toMatchObject({ communication: "4", average: "4" });
      expect(scoreOf(scoredNames[1]!)).toMatchObject({ communication: "3", average: "3" });

      // The day happened: marked as held, its 120 students count in the placement report.
      await page.getByRole("link", { name: "Overview and volunteers" }).click();
      await page.getByRole("button", { name: "Mark as held" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Yes, continue" }).click();
      await page.getByText("The event is now: Held.").waitFor();
      await expect.poll(() => studentsServed(page), { timeout: 20_000 }).toBe(servedBefore + STUDENTS);
      expect(coordinator.problems).toEqual([]);
    } finally {
      await coordinator.context.close();
    }
  });
});
