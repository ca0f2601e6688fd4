import { readFile } from "node:fs/promises";
import {
  eventInterviews,
  eventRoles,
  eventSchools,
  eventScores,
  eventStudents,
  eventVolunteers,
  events,
  organizations,
  students,
  users,
} from "@bridgework/db";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../api/test/pdf-text.ts";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

const BROWSER_TEST_TIMEOUT = 180_000;
const suite = browserSuite();
type Page = Awaited<ReturnType<typeof openPage>>["page"];

/**
 * A Valley Unified mock-interview day (the events admin and sign-up pages are other areas):
 * Valley High and Eastside High take part, two scheduled interviewer shifts with 15 volunteers
 * each from 10 employers, 20-minute slots, 3 interviews per student; and 12 grade-12 students
 * of Valley High to add.
 */
let made = 0;
async function mockInterviewDay() {
  const db = suite.server.db.db;
  const tag = ++made;
  // Small demo tables: read whole and picked here (the web package does not depend on drizzle-orm).
  const orgs = await db.select().from(organizations);
  const school = orgs.find((o) => o.name === "Valley High");
  const eastside = orgs.find((o) => o.name === "Eastside High");
  const coordinator = (await db.select().from(users)).find((u) => u.email === "coordinator@valley.example");
  const day = new Date(Date.now() + 14 * 86_400_000);
  day.setUTCHours(16, 0, 0, 0);
  const [event] = await db
    .insert(events)
    .values({
      regionId: school!.regionId,
      districtId: school!.parentId,
      createdBy: coordinator!.id,
      kind: "mock_interviews",
      status: "open",
      title: "Spring Mock Interview Day",
      startsAt: day,
      endsAt: new Date(day.getTime() + 8 * 3_600_000),
      location: "Valley High gym",
      slotMinutes: 20,
      interviewsPerStudent: 3,
    })
    .returning();
  await db.insert(eventSchools).values([
    { eventId: event!.id, schoolId: school!.id },
    { eventId: event!.id, schoolId: eastside!.id },
  ]);
  for (const [s, start] of [0, 4.5].entries()) {
    const startsAt = new Date(day.getTime() + start * 3_600_000);
    const [role] = await db
      .insert(eventRoles)
      .values({
        eventId: event!.id,
        name: "Interviewer",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3.5 * 3_600_000),
        needed: 20,
        scheduled: true,
        position: s,
      })
      .returning();
    await db.insert(eventVolunteers).values(
      Array.from({ length: 15 }, (_, i) => ({
        eventId: event!.id,
        roleId: role!.id,
        name: `Interviewer ${s * 15 + i + 1} Okafor`,
        email: `interviewer${s * 15 + i + 1}@employer${i % 10}.example`,
        employerName: `Employer ${i % 10}`,
        badgeCode: `V-${tag}-${s * 15 + i + 1}`,
      })),
    );
  }
  await db.insert(students).values(
    Array.from({ length: 12 }, (_, i) => ({
      regionId: school!.regionId,
      districtId: school!.parentId!,
      schoolId: school!.id,
      localId: `E2E-EV-${tag}-${i}`,
      firstName: `Ximena${tag}${i}`,
      lastName: "Quintero",
      birthDate: "2008-04-01",
      grade: 12,
    })),
  );
  return event!;
}

/** Opens the event's "Students and schedule" section by its address (events-journey.test.ts walks there through the navigation). */
async function openSchedule(page: Page, id: string, tab: string) {
  await page.goto(`/events/${id}/schedule`);
  await page
    .getByRole("navigation", { name: tab === "Students and schedule" ? "Event sections" : "Secciones del evento" })
    .waitFor();
}

describe("an event's students and schedule", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("a coordinator adds a school's students, builds the schedule, and downloads the schedules and rubric results", async () => {
    const event = await mockInterviewDay();
    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, "coordinator@valley.example");
      await openSchedule(page, event.id, "Students and schedule");
      await page.getByRole("heading", { level: 1, name: "Spring Mock Interview Day: Students and schedule" }).waitFor();
      expect(await page.getByRole("link", { name: "Students and schedule" }).getAttribute("aria-current")).toBe("page");

      const add = page.getByRole("region", { name: "Add students" });
      expect(await add.getByRole("combobox", { name: /^School/ }).inputValue()).not.toBe("");
      await add.getByRole("combobox", { name: /^School/ }).selectOption({ label: "Valley High" });
      await add.getByRole("combobox", { name: "Grade" }).selectOption("12");
      await add.getByRole("button", { name: "Add students" }).click();
      const result = page.getByRole("status").filter({ hasText: /students added, 0 already taking part/ });
      await result.waitFor();
      const added = Number(/(\d+) students added/.exec((await result.textContent()) ?? "")![1]);
      expect(added).toBeGreaterThanOrEqual(12);
      await page.getByRole("rowheader", { name: "Ximena10 Quintero" }).waitFor();

      await page.getByRole("button", { name: "Build schedule" }).click();
      await page.getByText(`${added * 3} interviews for ${added} students: ${added} have all 3 interviews`).waitFor();
      await page.getByText("Every student has all their interviews.").waitFor();

      // Every student's row says 3, and the database agrees: 3 different interviewers each.
      const table = page.getByRole("table", { name: `${added} students taking part` });
      await expect.poll(async () => await table.getByRole("cell", { name: "3", exact: true }).count()).toBe(added);
      const db = suite.server.db.db;
      const interviews = (await db.select().from(eventInterviews)).filter((i) => i.eventId === event.id);
      const byStudent = new Map<string, string[]>();
      for (const i of interviews)
        byStudent.set(i.eventStudentId, [...(byStudent.get(i.eventStudentId) ?? []), i.volunteerId]);
      expect(byStudent.size).toBe(added);
      expect([...byStudent.values()].every((v) => v.length === 3 && new Set(v).size === 3)).toBe(true);

      // The schedule by student: a card per student with three interviews at numbered tables.
      const card = page.getByRole("listitem", { name: "Ximena10 Quintero" });
      await card.waitFor();
      expect(await card.getByRole("listitem").count()).toBe(3);
      expect(await card.textContent()).toMatch(/Table \d+/);
      // The view switch is a radio group (arrow keys), as a keyboard user meets it.
      await page.getByRole("radio", { name: "Student", exact: true }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await page.getByRole("radio", { name: "Interviewer" }).isChecked()).toBe(true);
      await page.getByRole("listitem", { name: "Interviewer 1 Okafor" }).waitFor();
      await expectAccessible(page, "students and schedule (coordinator)");

      const [pdf] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Schedules by interviewer (PDF)" }).click(),
      ]);
      const text = await pdfText(await readFile((await pdf.path())!));
      expect(text).toContain("Interviewer schedule");
      expect(text).toContain("Interviewer 1 Okafor");
      expect(text).toContain("Ximena10 Quintero");

      // A score the interviewer page saved (another area), then the rubric results as CSV.
      const ximena = (await db.select().from(students)).find((st) => st.localId === `E2E-EV-1-0`)!;
      const entry = (await db.select().from(eventStudents)).find(
        (es) => es.eventId === event.id && es.studentId === ximena.id,
      )!;
      const first = interviews.find((i) => i.eventStudentId === entry.id)!;
      await db.insert(eventScores).values({
        interviewId: first.id,
        scores: { first_impression: 4, communication: 3, preparation: 3, professionalism: 2 },
        comment: "Clear answers",
      });
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Rubric results (CSV)" }).click(),
      ]);
      const rows = parse(await readFile((await csv.path())!, "utf8"), { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows).toHaveLength(added * 3);
      const scored = rows.find((r) => r.comment === "Clear answers")!;
      expect(scored).toMatchObject({ student: "Ximena10 Quintero", communication: "3", average: "3" });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("reads in Spanish on a 390 px phone, with the schedule as stacked cards", async () => {
    const event = await mockInterviewDay();
    const token = await suite.server.bearer("intermediary@valley.example");
    await suite.server.call(token, "PATCH", "/api/me", { language: "es" });
    const phone = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = phone;
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "intermediary@valley.example", /^(Welcome|Bienvenid)/);
      await openSchedule(page, event.id, "Estudiantes y horario");
      await page.getByRole("heading", { level: 1, name: "Spring Mock Interview Day: Estudiantes y horario" }).waitFor();
      await page.getByRole("radio", { name: "Los estudiantes de una escuela" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.getByRole("combobox", { name: "Buscar un estudiante" }).fill("Ximena23");
      await page.getByRole("option", { name: "Ximena23 Quintero" }).click();
      await page.getByRole("list", { name: "Estudiantes elegidos" }).getByText("Ximena23 Quintero").waitFor();
      await page.getByRole("button", { name: "Agregar estudiantes" }).click();
      await page.getByText("1 estudiante agregado, 0 ya participaban.").waitFor();
      await page.getByRole("button", { name: "Armar el horario" }).click();
      await page.getByText("Todos los estudiantes tienen todas sus entrevistas.").waitFor();
      const card = page.getByRole("listitem", { name: "Ximena23 Quintero" });
      await card.waitFor();
      expect(await card.textContent()).toMatch(/Mesa \d+/);
      await expectFitsWidth(page);
      await expectAccessible(page, "estudiantes y horario a 390 px");
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
      await suite.server.call(token, "PATCH", "/api/me", { language: "en" });
    }
  });
});
