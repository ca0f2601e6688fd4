import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * The data set (school year 2025-2026 = 2025-07-01 … 2026-06-30, UTC dates):
 *   M1 Valley High, guest speaker at Valley Medical Center (VMC), 2025-07-01 10:00Z, 25 attended / 30 seats, Health Science pathway
 *   M2 Eastside High, industry tour at Sierra Builders (SB), 2026-06-30 20:00Z, 12 / 15
 *   M3 Riverbend High, guest speaker at VMC, 2025-06-30 12:00Z (2024-2025: VMC's first experience), 20 / 20
 *   M4 Riverbend High, industry tour at SB, 2026-07-01 00:30Z (2026-2027), 10 / 10
 *   P1 s1 (Valley High) internship at VMC, 2025-10-15: hours 5 + 3 approved, 4 pending, 2 rejected → 8
 *   P2 s1 job shadow at VMC, 2026-02-01: 2 approved
 *   P3 s2 (Valley High) internship at Pixel Orchard (PX), 2026-03-01: 10 approved
 *   P4 s3 (Eastside High) industry project at the Ag Co-op (AG), 2025-09-01: 6 approved, 1 pending
 *   P5 s4 (Riverbend High) internship at PX, 2026-05-01: no hours
 *   P6 s2 internship at VMC, still active (5 approved hours): not an experience yet
 *   C1 Coast High guest speaker at Harbor Marine Lab, 2025-10-01, 50 attended (another region)
 */
let h: Harness;
let f: Fixtures;
const ids: Record<string, string> = {};
const VALLEY_INT = "intermediary@valley.example";
const VALLEY_COORD = "coordinator@valley.example";
const RIVER_COORD = "coordinator@riverbend.example";
const YEAR = "from=2025-07-01&to=2026-06-30";

beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const speak = await f.opportunity("Valley Medical Center", "guest_speaker", health);
  const shadow = await f.opportunity("Valley Medical Center", "job_shadow", health);
  const intern = await f.opportunity("Valley Medical Center", "internship", health);
  const tour = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
  const pxIntern = await f.opportunity(
    "Pixel Orchard Software",
    "internship",
    "Information and Communication Technologies",
  );
  const agProject = await f.opportunity(
    "Central Valley Ag Co-op",
    "industry_project",
    "Agriculture and Natural Resources",
  );
  const harbor = await f.opportunity("Harbor Marine Lab", "guest_speaker", "Energy, Environment, and Utilities");

  ids.m1 = await f.completedMatch("Valley High", speak, "2025-07-01T10:00:00Z", 25, {
    seats: 30,
    pathwayId: await f.pathway("Health Science"),
  });
  ids.m2 = await f.completedMatch("Eastside High", tour, "2026-06-30T20:00:00Z", 12, { seats: 15 });
  ids.m3 = await f.completedMatch("Riverbend High", speak, "2025-06-30T12:00:00Z", 20);
  ids.m4 = await f.completedMatch("Riverbend High", tour, "2026-07-01T00:30:00Z", 10);
  await f.completedMatch("Coast High", harbor, "2025-10-01T12:00:00Z", 50);

  const s1 = await f.student("Valley High");
  const s2 = await f.student("Valley High");
  const s3 = await f.student("Eastside High", { grade: 10 });
  const s4 = await f.student("Riverbend High");
  ids.p1 = await f.placement(s1, intern, "2025-10-15T18:00:00Z", {
    hours: [
      [5, "approved"],
      [3, "approved"],
      [4, "pending"],
      [2, "rejected"],
    ],
  });
  await f.placement(s1, shadow, "2026-02-01T18:00:00Z", { hours: [[2, "approved"]] });
  await f.placement(s2, pxIntern, "2026-03-01T18:00:00Z", { hours: [[10, "approved"]] });
  await f.placement(s3, agProject, "2025-09-01T18:00:00Z", {
    hours: [
      [6, "approved"],
      [1, "pending"],
    ],
  });
  await f.placement(s4, pxIntern, "2026-05-01T18:00:00Z");
  await f.placement(s2, intern, null, { hours: [[5, "approved"]] });
  ids.valleyUnified = (await f.org("Valley Unified")).id;
  ids.riverbend = (await f.org("Riverbend Unified")).id;
  ids.valleyHigh = (await f.org("Valley High")).id;
  ids.coastUnified = (await f.org("Coast Unified")).id;
});
afterAll(() => h.close());

async function report(email: string, query: string, status = 200) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/reports/placements?${query}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const pick = (row: Record<string, unknown>) => ({
  experiences: row.experiences,
  students: row.students,
  seats: row.seats,
  hours: row.hours,
  employers: row.employers,
  newEmployers: row.newEmployers,
});

describe("placement report measures", () => {
  it("counts a school year's experiences, distinct students, seats, approved hours and new employers", async () => {
    const r = await report(VALLEY_INT, YEAR);
    // 2 matches + 5 completed placements; 4 named students + 25 + 12 attending; 30 + 15 seats + 1 per placement;
    // approved hours only (8 + 2 + 10 + 6 + 0); VMC, SB, PX, AG; VMC started in 2024-2025, so 3 are new.
    expect(r.totals).toEqual({ experiences: 7, students: 41, seats: 50, hours: 26, employers: 4, newEmployers: 3 });
    expect(r.rows).toEqual([{ experiences: 7, students: 41, seats: 50, hours: 26, employers: 4, newEmployers: 3 }]);
  });

  it("counts a student once across several experiences in a group, but once per group across groups", async () => {
    const r = await report(VALLEY_INT, `groupBy=level&${YEAR}`);
    expect(r.rows.map((row: Record<string, unknown>) => [row.level, ...Object.values(pick(row))])).toEqual([
      ["exposure", 2, 37, 45, 0, 2, 1],
      ["engagement", 2, 2, 2, 8, 2, 1],
      ["experience", 3, 3, 3, 18, 2, 1],
    ]);
    // s1 has a job shadow (engagement) and an internship (experience): the rows add up to 42, the total says 41.
    expect(r.totals.students).toBe(41);
    expect(r.totals.employers).toBe(4);
  });

  it("puts June 30 in the school year that ends and July 1 in the next", async () => {
    const r = await report(VALLEY_INT, "groupBy=schoolYear");
    expect(
      r.rows.map((row: Record<string, unknown>) => [row.schoolYear, row.experiences, row.students, row.newEmployers]),
    ).toEqual([
      ["2024-2025", 1, 20, 1],
      ["2025-2026", 7, 41, 3],
      ["2026-2027", 1, 10, 0],
    ]);
    expect(pick(r.totals)).toEqual({
      experiences: 9,
      students: 71,
      seats: 80,
      hours: 26,
      employers: 4,
      newEmployers: 4,
    });
    const lastDay = await report(VALLEY_INT, "from=2026-06-30&to=2026-06-30");
    expect(lastDay.totals.experiences).toBe(1);
    const firstDay = await report(VALLEY_INT, "from=2025-07-01&to=2025-07-01");
    expect(firstDay.totals.students).toBe(25);
  });

  it("counts hours only once they are approved, including approvals after completion", async () => {
    const { hoursEntries } = await import("@bridgework/db");
    const { and, eq } = await import("drizzle-orm");
    await h.db.db
      .update(hoursEntries)
      .set({ status: "approved" })
      .where(and(eq(hoursEntries.placementId, ids.p1!), eq(hoursEntries.status, "pending")));
    expect((await report(VALLEY_INT, YEAR)).totals.hours).toBe(30);
    await h.db.db
      .update(hoursEntries)
      .set({ status: "pending" })
      .where(and(eq(hoursEntries.placementId, ids.p1!), eq(hoursEntries.hours, 4)));
    expect((await report(VALLEY_INT, YEAR)).totals.hours).toBe(26);
  });
});

describe("placement report grouping", () => {
  it("groups by district and school with names, in name order", async () => {
    const r = await report(VALLEY_INT, `groupBy=district,school&${YEAR}`);
    expect(
      r.rows.map((row: Record<string, unknown>) => [
        row.district,
        row.school,
        row.experiences,
        row.students,
        row.hours,
      ]),
    ).toEqual([
      ["Riverbend Unified", "Riverbend High", 1, 1, 0],
      ["Valley Unified", "Eastside High", 2, 13, 6],
      ["Valley Unified", "Valley High", 4, 27, 20],
    ]);
    expect(r.rows[0].districtId).toBe(ids.riverbend);
  });

  it("groups by month, kind and pathway (placements have no pathway)", async () => {
    const byMonth = await report(VALLEY_INT, `groupBy=month&${YEAR}`);
    expect(byMonth.rows.map((row: Record<string, unknown>) => row.month)).toEqual([
      "2025-07",
      "2025-09",
      "2025-10",
      "2026-02",
      "2026-03",
      "2026-05",
      "2026-06",
    ]);
    const byKind = await report(VALLEY_INT, `groupBy=sector,kind&${YEAR}`);
    expect(byKind.rows).toContainEqual({
      sector: "Information and Communication Technologies",
      kind: "internship",
      experiences: 2,
      students: 2,
      seats: 2,
      hours: 10,
      employers: 1,
      newEmployers: 1,
    });
    const byPathway = await report(VALLEY_INT, `groupBy=pathway&${YEAR}`);
    expect(byPathway.rows.map((row: Record<string, unknown>) => [row.pathway, row.experiences])).toEqual([
      ["Health Science", 1],
      [null, 6],
    ]);
  });

  it("refuses an unknown dimension with 400", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/reports/placements?groupBy=sector,colour",
      headers: await h.as(VALLEY_INT),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain("colour");
  });
});

describe("placement report scope", () => {
  it("gives a coordinator only the own district", async () => {
    const r = await report(VALLEY_COORD, "groupBy=school");
    expect(r.rows.map((row: Record<string, unknown>) => row.school)).toEqual(["Eastside High", "Valley High"]);
    expect(pick(r.totals)).toEqual({
      experiences: 6,
      students: 40,
      seats: 49,
      hours: 26,
      employers: 4,
      newEmployers: 3,
    });
    expect((await report(VALLEY_COORD, `districtId=${ids.valleyUnified}`)).totals.experiences).toBe(6);
    const river = await report(RIVER_COORD, "");
    // VMC's first experience ever is M3 here; SB started in Valley Unified the year before M4.
    expect(pick(river.totals)).toEqual({
      experiences: 3,
      students: 31,
      seats: 31,
      hours: 0,
      employers: 3,
      newEmployers: 2,
    });
  });

  it("answers 404 when a coordinator names another district or its school, and when an intermediary names another region's", async () => {
    await report(VALLEY_COORD, `districtId=${ids.riverbend}`, 404);
    await report(RIVER_COORD, `schoolId=${ids.valleyHigh}`, 404);
    await report(VALLEY_INT, `districtId=${ids.coastUnified}`, 404);
  });

  it("lets an intermediary narrow to a district or a school", async () => {
    expect((await report(VALLEY_INT, `districtId=${ids.riverbend}`)).totals.experiences).toBe(3);
    expect((await report(VALLEY_INT, `schoolId=${ids.valleyHigh}&${YEAR}`)).totals).toEqual({
      experiences: 4,
      students: 27,
      seats: 33,
      hours: 20,
      employers: 2,
      newEmployers: 1,
    });
  });

  it("shows the Coast intermediary none of Valley's numbers", async () => {
    const r = await report("intermediary@coast.example", "groupBy=district");
    expect(r.rows.map((row: Record<string, unknown>) => row.district)).toEqual(["Coast Unified"]);
    expect(pick(r.totals)).toEqual({
      experiences: 1,
      students: 50,
      seats: 50,
      hours: 0,
      employers: 1,
      newEmployers: 1,
    });
  });

  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    const res = await h.app.inject({ method: "GET", url: "/api/reports/placements", headers: await h.as(email) });
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("placement report filters", () => {
  it("narrows to a kind or a level, counting distinct students and employers among the kept experiences", async () => {
    // P1, P3, P5: s1, s2, s4 at VMC and PX.
    expect(pick((await report(VALLEY_INT, `kind=internship&${YEAR}`)).totals)).toEqual({
      experiences: 3,
      students: 3,
      seats: 3,
      hours: 18,
      employers: 2,
      newEmployers: 1,
    });
    expect(pick((await report(VALLEY_INT, `level=exposure&${YEAR}`)).totals)).toEqual({
      experiences: 2,
      students: 37,
      seats: 45,
      hours: 0,
      employers: 2,
      newEmployers: 1,
    });
    // s1's first Health Science experience of the year is the internship: the job shadow alone still counts s1 and VMC.
    const shadow = await report(VALLEY_INT, `groupBy=sector&kind=job_shadow&${YEAR}`);
    expect(shadow.rows).toEqual([
      {
        sector: "Health Science and Medical Technology",
        experiences: 1,
        students: 1,
        seats: 1,
        hours: 2,
        employers: 1,
        newEmployers: 0,
      },
    ]);
    const byLevel = await report(VALLEY_INT, `groupBy=level&level=experience&${YEAR}`);
    expect(byLevel.rows).toEqual([
      { level: "experience", experiences: 3, students: 3, seats: 3, hours: 18, employers: 2, newEmployers: 1 },
    ]);
  });

  it("narrows to a pathway of the scope, and answers 404 for another district's or region's pathway", async () => {
    const health = await f.pathway("Health Science");
    const r = await report(VALLEY_INT, `groupBy=school&pathwayId=${health}&${YEAR}`);
    expect(r.rows.map((row: Record<string, unknown>) => [row.school, row.experiences, row.students])).toEqual([
      ["Valley High", 1, 25],
    ]);
    expect((await report(VALLEY_COORD, `pathwayId=${health}`)).totals.experiences).toBe(1);
    await report(RIVER_COORD, `pathwayId=${health}`, 404);
    await report("intermediary@coast.example", `pathwayId=${health}`, 404);
    await report(VALLEY_INT, "pathwayId=00000000-0000-4000-8000-000000000000", 404);
  });

  it("refuses an unknown kind or level with per-field errors", async () => {
    const res = await report(VALLEY_INT, "kind=picnic&level=deep", 400);
    expect(res.errors.map((e: { path: string }) => e.path).sort()).toEqual(["kind", "level"]);
  });

  it("streams the filtered rows as CSV", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: `/api/reports/placements.csv?groupBy=sector&kind=internship&${YEAR}`,
      headers: await h.as(VALLEY_INT),
    });
    expect(
      (parse(res.body, { columns: true }) as Record<string, string>[]).map((r) => [
        r.sector,
        r.experiences,
        r.students,
      ]),
    ).toEqual([
      ["Health Science and Medical Technology", "1", "1"],
      ["Information and Communication Technologies", "2", "2"],
    ]);
  });
});

describe("placement report as CSV", () => {
  const expected = [
    {
      sector: "Agriculture and Natural Resources",
      level: "engagement",
      experiences: "1",
      students: "1",
      seats: "1",
      hours: "6",
      employers: "1",
      newEmployers: "1",
    },
    {
      sector: "Building and Construction Trades",
      level: "exposure",
      experiences: "1",
      students: "12",
      seats: "15",
      hours: "0",
      employers: "1",
      newEmployers: "1",
    },
    {
      sector: "Health Science and Medical Technology",
      level: "exposure",
      experiences: "1",
      students: "25",
      seats: "30",
      hours: "0",
      employers: "1",
      newEmployers: "0",
    },
    {
      sector: "Health Science and Medical Technology",
      level: "engagement",
      experiences: "1",
      students: "1",
      seats: "1",
      hours: "2",
      employers: "1",
      newEmployers: "0",
    },
    {
      sector: "Health Science and Medical Technology",
      level: "experience",
      experiences: "1",
      students: "1",
      seats: "1",
      hours: "8",
      employers: "1",
      newEmployers: "0",
    },
    {
      sector: "Information and Communication Technologies",
      level: "experience",
      experiences: "2",
      students: "2",
      seats: "2",
      hours: "10",
      employers: "1",
      newEmployers: "1",
    },
  ];

  it.each([
    ["Accept: text/csv", `/api/reports/placements?groupBy=sector,level&${YEAR}`, { accept: "text/csv" }],
    ["format=csv", `/api/reports/placements?groupBy=sector,level&${YEAR}&format=csv`, {}],
    [".csv route", `/api/reports/placements.csv?groupBy=sector,level&${YEAR}`, {}],
  ])("streams the same rows as the JSON report (%s)", async (_how, url, headers) => {
    const res = await h.app.inject({ method: "GET", url, headers: { ...(await h.as(VALLEY_INT)), ...headers } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="placements-by-sector-level/);
    expect(parse(res.body, { columns: true })).toEqual(expected);
    const json = await report(VALLEY_INT, `groupBy=sector,level&${YEAR}`);
    expect(
      json.rows.map((r: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])),
      ),
    ).toEqual(expected);
  });

  it("writes id and name columns for organization dimensions, and refuses a teacher", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/reports/placements.csv?groupBy=school",
      headers: await h.as(VALLEY_COORD),
    });
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "schoolId",
      "school",
      "experiences",
      "students",
      "seats",
      "hours",
      "employers",
      "newEmployers",
    ]);
    expect(rows.map((r) => r.school)).toEqual(["Eastside High", "Valley High"]);
    const refused = await h.app.inject({
      method: "GET",
      url: "/api/reports/placements.csv",
      headers: await h.as("teacher@valley.example"),
    });
    expect(refused.statusCode).toBe(403);
  });
});
