import { events, reportExperiences } from "@bridgework/db";
import { EVENT_KINDS, EVENT_REPORT_KIND, KIND_LEVEL } from "@bridgework/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdEvent, insertEvent } from "../../../test/fixtures/event-fixtures.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";
import { createHarness, type Harness } from "../../../test/harness.ts";

/**
 * A mock-interview day of Valley Unified on 2026-10-14 (school year 2026-2027, which holds
 * nothing else): 12 Valley High students checked in (Health Science pathway), one added who did
 * not come; volunteers of Valley Medical Center (two, checked in), Sierra Builders (checked in),
 * a company not on Bridgework (checked in) and Pixel Orchard (confirmed, never came).
 */
let h: Harness;
let f: Fixtures;
let eventId: string;
const INT = "intermediary@valley.example";
const YEAR = "from=2026-07-01&to=2027-06-30";

beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  const pathwayId = await f.pathway("Health Science");
  const came = await Promise.all(Array.from({ length: 12 }, () => f.student("Valley High")));
  const absent = await f.student("Valley High");
  eventId = await insertEvent(f, {
    kind: "mock_interviews",
    title: "Fall mock interviews",
    day: "2026-10-14",
    district: "Valley Unified",
    students: [
      ...came.map((id) => ({ id, school: "Valley High", pathwayId, checkedIn: true })),
      { id: absent, school: "Valley High", pathwayId },
    ],
    volunteers: [
      { employer: "Valley Medical Center", from: "15:00", to: "18:30", checkedIn: true },
      { employer: "Valley Medical Center", from: "15:00", to: "17:00", checkedIn: true },
      { employer: "Sierra Builders", from: "15:00", to: "17:00", checkedIn: true },
      { employer: null, from: "15:00", to: "17:00", checkedIn: true },
      { employer: "Pixel Orchard Software", from: "15:00", to: "17:00" },
    ],
  });
});
afterAll(() => h.close());

async function get(path: string, email = INT, status = 200) {
  const res = await h.app.inject({ method: "GET", url: path, headers: await h.as(email) });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const rowsOf = (id: string) => h.db.db.select().from(reportExperiences).where(eq(reportExperiences.eventId, id));

describe("a multi-employer event in the reports", () => {
  it("counts nothing while the event is not held", async () => {
    expect(await rowsOf(eventId)).toEqual([]);
    expect((await get(`/api/reports/placements?${YEAR}`)).totals.experiences).toBe(0);
  });

  it("once held, counts each checked-in student as an engagement-level mock interview and each volunteering employer", async () => {
    await holdEvent(f, eventId);
    const [event] = await h.db.db.select({ heldAt: events.heldAt }).from(events).where(eq(events.id, eventId));
    expect(event?.heldAt).not.toBeNull();

    const rows = await rowsOf(eventId);
    const studentRows = rows.filter((r) => r.studentId !== null);
    expect(studentRows).toHaveLength(12);
    expect(new Set(studentRows.map((r) => `${r.kind}/${r.level}/${r.completedOn}/${r.sector}`))).toEqual(
      new Set(["mock_interview/engagement/2026-10-14/Health Science and Medical Technology"]),
    );
    expect(studentRows.every((r) => r.schoolId === null || r.employerId === null)).toBe(true);
    expect(
      rows
        .filter((r) => r.employerId !== null)
        .map((r) => r.employerId)
        .sort(),
    ).toEqual([await h.orgId("Sierra Builders"), await h.orgId("Valley Medical Center")].sort());

    const report = await get(`/api/reports/placements?groupBy=level,kind&${YEAR}`);
    // 12 students + 2 employers (VMC once for its two volunteers; the unknown company and the no-show not at all).
    expect(report.rows).toEqual([
      {
        level: "engagement",
        kind: "mock_interview",
        experiences: 14,
        students: 12,
        seats: 12,
        hours: 0,
        employers: 2,
        newEmployers: 2,
      },
    ]);
    expect(report.totals).toMatchObject({ experiences: 14, students: 12, employers: 2 });
  });

  it("puts the students at their school and pathway and the employers in the running district", async () => {
    const r = await get(`/api/reports/placements?groupBy=district,school&${YEAR}`);
    expect(
      r.rows.map((x: Record<string, unknown>) => [x.district, x.school, x.experiences, x.students, x.employers]),
    ).toEqual([
      ["Valley Unified", "Valley High", 12, 12, 0],
      ["Valley Unified", null, 2, 0, 2],
    ]);
    const coordinator = await get(`/api/reports/placements?${YEAR}`, "coordinator@valley.example");
    expect(coordinator.totals).toMatchObject({ experiences: 14, students: 12 });
    const otherDistrict = await get(`/api/reports/placements?${YEAR}`, "coordinator@riverbend.example");
    expect(otherDistrict.totals.experiences).toBe(0);
  });

  it("makes the students participants in the equity report", async () => {
    const r = await get("/api/reports/equity?dimension=grade&schoolYear=2026-2027");
    expect(r.rows).toEqual([expect.objectContaining({ group: "11", enrolled: 13, participants: 12 })]);
  });

  it("lists the volunteering employers in the employer engagement report at the event's level", async () => {
    const r = await get("/api/reports/employers?schoolYear=2026-2027");
    expect(r.rows).toEqual([
      expect.objectContaining({
        schoolYear: "2026-2027",
        employers: 2,
        byHighestLevel: { exposure: 0, engagement: 2, experience: 0, educator: 0 },
      }),
    ]);
  });

  it("follows a late check-in, keeps the rows when the event is archived and drops them when it is deleted", async () => {
    await h.db.db.execute(sql`UPDATE event_students SET checked_in_at = now() WHERE event_id = ${eventId}`);
    expect((await rowsOf(eventId)).filter((r) => r.studentId !== null)).toHaveLength(13);
    await h.db.db.update(events).set({ status: "archived" }).where(eq(events.id, eventId));
    expect(await rowsOf(eventId)).toHaveLength(15);
    expect((await get(`/api/reports/placements?${YEAR}`)).totals.students).toBe(13);
    await h.db.db.delete(events).where(eq(events.id, eventId));
    expect(await rowsOf(eventId)).toEqual([]);
    const after = await get(`/api/reports/placements?${YEAR}`);
    expect(after.totals).toMatchObject({ experiences: 0, students: 0, employers: 0 });
    const employers = await get("/api/reports/employers?schoolYear=2026-2027");
    expect(employers.rows).toEqual([]);
  });

  it("counts every added student and every confirmed volunteer when nobody was checked in", async () => {
    const a = await f.student("Eastside High");
    const b = await f.student("Eastside High");
    const id = await insertEvent(f, {
      kind: "career_fair",
      title: "Spring career fair",
      day: "2027-03-03",
      students: [
        { id: a, school: "Eastside High" },
        { id: b, school: "Eastside High" },
      ],
      volunteers: [
        { employer: "Pixel Orchard Software", from: "15:00", to: "17:00" },
        { employer: "Sierra Builders", from: "15:00", to: "17:00", status: "waitlisted" },
      ],
    });
    await holdEvent(f, id);
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.kind, r.level, r.studentId ?? r.employerId, r.sector, r.districtId]).sort()).toEqual(
      [
        ["career_fair", "exposure", a, "Unknown", (await f.org("Valley Unified")).id],
        ["career_fair", "exposure", b, "Unknown", (await f.org("Valley Unified")).id],
        [
          "career_fair",
          "exposure",
          await h.orgId("Pixel Orchard Software"),
          "Information and Communication Technologies",
          null,
        ],
      ].sort(),
    );
    // The distinct-student bits are kept for the new rows: each student is their year's first row.
    expect(rows.filter((r) => r.studentId !== null).every((r) => (r.studentFirsts & 1) === 1)).toBe(true);
    expect(rows.filter((r) => r.employerId !== null).every((r) => (r.employerFirsts & 1) === 1)).toBe(true);
  });

  it("reports each event kind as EVENT_REPORT_KIND at its continuum level", async () => {
    for (const kind of EVENT_KINDS) {
      const { rows } = await h.db.db.execute<{ kind: string; level: string }>(
        sql`SELECT event_report_kind(${kind}::event_kind)::text AS kind, event_report_level(${kind}::event_kind)::text AS level`,
      );
      expect(rows[0], kind).toEqual({ kind: EVENT_REPORT_KIND[kind], level: KIND_LEVEL[EVENT_REPORT_KIND[kind]] });
    }
  });
});
