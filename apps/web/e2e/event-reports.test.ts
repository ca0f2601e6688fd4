import { eventRoles, events, eventStudents, eventVolunteers, organizations, students, users } from "@bridgework/db";
import { describe, expect, it } from "vitest";
import { browserSuite, expectAccessible, logInAs, openPage } from "../../../test/support/browser.ts";

// Real Chromium on a 2-core machine that also runs the rest of the suite: allow for a slow page.
const BROWSER_TEST_TIMEOUT = 240_000;
const INT = "intermediary@valley.example";

const suite = browserSuite();

async function studentsServed(): Promise<number> {
  const now = new Date();
  const start = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const res = await fetch(`${suite.server.url}/api/reports/placements?from=${start}-07-01&to=${start + 1}-06-30`, {
    headers: { authorization: await suite.server.bearer(INT) },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { totals: { students: number } }).totals.students;
}

/** A mock-interview morning held today: three Valley High students and two Valley Medical Center volunteers, all checked in. */
async function heldEventToday(): Promise<{ employerId: string }> {
  const db = suite.server.db.db;
  // No query builder in the SPA's package: read the few seeded rows and pick.
  const orgs = await db.select().from(organizations);
  const org = (name: string) => orgs.find((o) => o.name === name)!;
  const school = org("Valley High");
  const vmc = org("Valley Medical Center");
  const creator = (await db.select({ id: users.id, email: users.email }).from(users)).find((u) => u.email === INT);
  const day = new Date().toISOString().slice(0, 10);
  const at = (hm: string) => new Date(`${day}T${hm}:00Z`);
  const [event] = await db
    .insert(events)
    .values({
      regionId: school.regionId,
      districtId: school.parentId,
      createdBy: creator!.id,
      kind: "mock_interviews",
      status: "held",
      title: "Spring showcase interviews",
      startsAt: at("00:00"),
      endsAt: at("04:00"),
    })
    .returning({ id: events.id });
  const [role] = await db
    .insert(eventRoles)
    .values({ eventId: event!.id, name: "Interviewer", startsAt: at("00:00"), endsAt: at("02:00"), needed: 5 })
    .returning({ id: eventRoles.id });
  await db.insert(eventVolunteers).values(
    ["ana", "ben"].map((who, i) => ({
      eventId: event!.id,
      roleId: role!.id,
      name: who,
      email: `${who}@vmc-volunteers.example`,
      employerName: "Valley Medical Center",
      organizationId: vmc.id,
      badgeCode: `V${i}`,
      checkedInAt: at("00:05"),
    })),
  );
  const added = await db
    .insert(students)
    .values(
      [1, 2, 3].map((n) => ({
        regionId: school.regionId,
        districtId: school.parentId!,
        schoolId: school.id,
        localId: `EVT${n}`,
        ssid: String(2_000_000_000 + n),
        firstName: `Eve${n}`,
        lastName: "Showcase",
        birthDate: "2009-03-01",
        grade: 11,
      })),
    )
    .returning({ id: students.id });
  await db.insert(eventStudents).values(
    added.map((s, i) => ({
      eventId: event!.id,
      studentId: s.id,
      schoolId: school.id,
      badgeCode: `S${i}`,
      checkedInAt: at("00:10"),
    })),
  );
  return { employerId: vmc.id };
}

describe("a held event in the reports", { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it("adds its students to the dashboard and shows the employer's volunteering on its relationship page", async () => {
    const before = await studentsServed();
    const { employerId } = await heldEventToday();
    expect(await studentsServed()).toBe(before + 3);

    const { context, page, problems } = await openPage(suite.browser, suite.server.url);
    try {
      await logInAs(page, INT);
      await page.goto("/dashboard");
      await page.getByRole("heading", { level: 1, name: "Region dashboard" }).waitFor();
      const totals = page.getByRole("region", { name: "This school year vs last" });
      const row = totals.getByRole("row", { name: /^Students served/ });
      await row.waitFor();
      const cells = await row.getByRole("cell").allInnerTexts();
      expect(cells[0]).toBe(new Intl.NumberFormat("en-US").format(before + 3));

      await page.goto(`/employers/${employerId}`);
      await page.getByRole("heading", { level: 1, name: /Valley Medical Center/ }).waitFor();
      const entry = page.getByRole("row", { name: /Volunteered/ }).filter({ hasText: "Spring showcase interviews" });
      await entry.getByText("Volunteered at Spring showcase interviews: 2 volunteers, 4 hours").waitFor();
      await expectAccessible(page, "the relationship page with an event");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
