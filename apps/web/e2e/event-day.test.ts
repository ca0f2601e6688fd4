import { randomBytes } from "node:crypto";
import {
  eventInterviews,
  eventRoles,
  eventScores,
  eventStudents,
  eventVolunteers,
  events,
  hashLinkToken,
  organizations,
  students,
  users,
} from "@bridgework/db";
import { defaultRubric } from "@bridgework/domain";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, expectFitsWidth, logInAs, openPage } from "../../../test/support/browser.ts";

const BROWSER_TEST_TIMEOUT = 180_000;
const suite = browserSuite();

/**
 * An interview day under way (it started five minutes ago) run by Valley Unified: three
 * interviewers with their own links, three Valley High students, two interviews each.
 */
async function interviewDay() {
  const db = suite.server.db.db;
  // Whole-table reads filtered here: the browser tests do not depend on the query builder.
  const orgs = await db.select().from(organizations);
  const org = (name: string) => orgs.find((o) => o.name === name)!;
  const [school, district] = [org("Valley High"), org("Valley Unified")];
  const coordinator = (await db.select().from(users)).find((u) => u.email === "coordinator@valley.example");
  const startsAt = new Date(Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000);
  const endsAt = new Date(startsAt.getTime() + 3 * 3600_000);
  const [event] = await db
    .insert(events)
    .values({
      regionId: school.regionId,
      districtId: district.id,
      createdBy: coordinator!.id,
      kind: "mock_interviews",
      status: "closed",
      title: "Spring mock interviews",
      startsAt,
      endsAt,
      location: "Valley High gym",
      interviewsPerStudent: 2,
      slotMinutes: 20,
      rubric: defaultRubric("mock_interviews", "en"),
    })
    .returning();
  const [role] = await db
    .insert(eventRoles)
    .values({
      eventId: event!.id,
      name: "Interviewer",
      bring: "A business card",
      startsAt,
      endsAt,
      needed: 10,
      scheduled: true,
    })
    .returning();
  const people = ["Pat Okafor", "Lee Brandt", "Sam Nguyen"];
  const volunteers: Array<typeof eventVolunteers.$inferSelect & { token: string }> = [];
  for (const [i, name] of people.entries()) {
    const token = randomBytes(32).toString("base64url");
    const [v] = await db
      .insert(eventVolunteers)
      .values({
        eventId: event!.id,
        roleId: role!.id,
        name,
        email: `volunteer${i}@day.example`,
        employerName: ["Valley Medical Center", "Sierra Builders", "Fresno Robotics"][i]!,
        badgeCode: `VOL-${i + 1}0${i + 7}`,
        station: `${i + 1}`,
        scheduleTokenHash: hashLinkToken(token),
      })
      .returning();
    volunteers.push({ ...v!, token });
  }
  const kids: Array<typeof eventStudents.$inferSelect> = [];
  for (const [i, [first, last]] of [
    ["Ana", "Quintero"],
    ["Ben", "Ruiz"],
    ["Cleo", "Sandoval"],
  ].entries()) {
    const [s] = await db
      .insert(students)
      .values({
        regionId: school.regionId,
        districtId: district.id,
        schoolId: school.id,
        localId: `DAY-${i}-${Date.now()}`,
        firstName: first!,
        lastName: last!,
        birthDate: "2010-04-01",
        grade: 11,
      })
      .returning();
    const [es] = await db
      .insert(eventStudents)
      .values({ eventId: event!.id, studentId: s!.id, schoolId: school.id, badgeCode: `STU-${i + 1}00${i}` })
      .returning();
    kids.push(es!);
  }
  const slot = (v: number, s: number, minutes: number) => ({
    eventId: event!.id,
    eventStudentId: kids[s]!.id,
    volunteerId: volunteers[v]!.id,
    roleId: role!.id,
    startsAt: new Date(startsAt.getTime() + minutes * 60_000),
    endsAt: new Date(startsAt.getTime() + (minutes + 20) * 60_000),
  });
  await db
    .insert(eventInterviews)
    .values([slot(0, 0, 0), slot(0, 1, 20), slot(1, 1, 0), slot(1, 2, 20), slot(2, 2, 0), slot(2, 0, 20)]);
  return { eventId: event!.id, volunteers, students: kids };
}

describe("the day of an event", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("checks people in and replaces a no-show on a phone; an interviewer scores on a flaky connection", async () => {
    const day = await interviewDay();
    const db = suite.server.db.db;
    const coordinator = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = coordinator;
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAs(page, "coordinator@valley.example");
      await page.goto(`/events/${day.eventId}/day`);
      // The title names the event once the events area (GET /api/events/:id) answers.
      await page.getByRole("heading", { level: 1, name: /^Day of the event/ }).waitFor();

      // A hand scanner types the code (any case) and Enter.
      const code = page.getByLabel("Scan or type a badge code");
      await code.fill("vol-107");
      await code.press("Enter");
      await page
        .getByRole("status")
        .getByText(/Checked in: Pat Okafor, Interviewer\. Station: Table 1\./)
        .waitFor();
      await page.getByTestId("count-volunteers").getByText("1 of 3").waitFor();

      // A student from the list.
      await page.getByLabel("Search students").fill("ben");
      await page.getByRole("button", { name: "Check in Ben Ruiz" }).click();
      await page
        .getByRole("status")
        .getByText(/Checked in: Ben Ruiz, Valley High\./)
        .waitFor();
      await page.getByTestId("count-students").getByText("1 of 3").waitFor();
      await expectAccessible(page, "the day of the event at 390 px");
      await expectFitsWidth(page);

      // Sam did not come: their two interviews go to the others.
      await page.getByRole("button", { name: "Mark as no-show: Sam Nguyen" }).click();
      const dialog = page.getByRole("dialog", { name: "Mark Sam Nguyen as no-show?" });
      await dialog.getByRole("button", { name: "Mark as no-show" }).click();
      await page.getByText(/Sam Nguyen was marked as a no-show\. 2 interviews were moved\./).waitFor();
      await page.getByTestId("count-volunteers").getByText("1 of 2").waitFor();
      const samLeft = (await db.select().from(eventInterviews)).filter((i) => i.volunteerId === day.volunteers[2]!.id);
      expect(samLeft).toEqual([]);
      expect(coordinator.problems).toEqual([]);
    } finally {
      await coordinator.context.close();
    }

    const pat = day.volunteers[0]!;
    const phone = await openPage(suite.browser, suite.server.url);
    try {
      const { page } = phone;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/volunteer/${pat.token}`);
      await page.getByRole("heading", { level: 1, name: "Spring mock interviews" }).waitFor();
      await page.getByText("Your station: Table 1").waitFor();
      const list = page.getByRole("list").filter({ hasText: "Ana Q." });
      expect(await list.textContent()).not.toContain("Quintero");

      const score = async (name: string, points: number[]) => {
        await page.getByRole("button", { name: `Score ${name}` }).click();
        const rubric = page.getByRole("region", { name: new RegExp(`^Rubric for ${name}`) });
        for (const [i, label] of ["First impression", "Communication", "Preparation", "Professionalism"].entries()) {
          await rubric.getByRole("group", { name: label }).getByLabel(String(points[i]), { exact: true }).check();
        }
        await rubric.getByLabel("Comment (optional)").fill(`Notes on ${name}`);
        await rubric.getByRole("button", { name: "Save" }).click();
      };
      const status = (name: string) => page.getByRole("status", { name: `Save status for ${name}` });

      await score("Ana Q.", [3, 4, 2, 3]);
      await status("Ana Q.").getByText("Saved ✓").waitFor();

      // The connection drops for Ben's first save: it is kept and retried, and lands once.
      let failed = 0;
      await page.route("**/api/public/volunteer/*/interviews/*/score", async (route) => {
        const body = route.request().postDataJSON() as { comment?: string };
        if (failed === 0 && body.comment === "Notes on Ben R.") {
          failed++;
          await route.abort("internetdisconnected");
        } else await route.continue();
      });
      await page.getByRole("button", { name: "Close the rubric for Ana Q." }).click();
      await score("Ben R.", [4, 4, 4, 4]);
      await status("Ben R.").getByText("Offline — will retry").waitFor();
      await status("Ben R.").getByText("Saved ✓").waitFor({ timeout: 20_000 });
      expect(failed).toBe(1);

      const interviewIds = new Set(
        (await db.select().from(eventInterviews)).filter((i) => i.volunteerId === pat.id).map((i) => i.id),
      );
      const rows = (await db.select().from(eventScores)).filter((r) => interviewIds.has(r.interviewId));
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.comment).sort()).toEqual(["Notes on Ana Q.", "Notes on Ben R."]);
      expect(rows.find((r) => r.comment === "Notes on Ben R.")!.scores).toEqual({
        first_impression: 4,
        communication: 4,
        preparation: 4,
        professionalism: 4,
      });

      // A reload keeps what was saved; in Spanish, and accessible.
      await page.unroute("**/api/public/volunteer/*/interviews/*/score");
      await page.reload();
      await page.getByLabel("Language").selectOption("es");
      await page.getByRole("heading", { level: 2, name: "Sus entrevistas" }).waitFor();
      await page.getByRole("button", { name: "Evaluar a Ben R." }).click();
      const rubric = page.getByRole("region", { name: /^Rúbrica de Ben R\./ });
      expect(
        await rubric.getByRole("group", { name: "Communication" }).getByLabel("4", { exact: true }).isChecked(),
      ).toBe(true);
      await page.getByRole("status", { name: "Estado del guardado de Ben R." }).getByText("Guardado ✓").waitFor();
      await expectAccessible(page, "the volunteer's schedule in Spanish at 390 px");
      await expectFitsWidth(page);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
