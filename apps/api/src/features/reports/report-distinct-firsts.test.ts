import { opportunities, placements, reportEmployerFirsts, reportExperiences, students } from "@bridgework/db";
import { DISTINCT_GROUPINGS, type GroupingDimension, type Kind, type Sector } from "@bridgework/domain";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * Distinct students and employers of the kept groupings come from first-row bits that triggers
 * keep on report_experiences (migration 0011). Here every kept grouping (and some that are not
 * kept) is asked of the API and compared with the measures counted the plain way — sets of ids
 * over the experiences — before and after the changes that move rows between groups.
 */
let h: Harness;
let f: Fixtures;
const INTERMEDIARY = "intermediary@valley.example";
const COORDINATOR = "coordinator@valley.example";
const SCHOOLS = ["Valley High", "Eastside High", "Riverbend High"];
const EMPLOYERS = ["Valley Medical Center", "Sierra Builders", "Pixel Orchard Software", "Central Valley Ag Co-op"];
// Employer i offers OFFERS[i] and OFFERS[i + 4]: each reaches two continuum levels.
const OFFERS: Array<[Kind, Sector]> = [
  ["internship", "Health Science and Medical Technology"],
  ["industry_tour", "Building and Construction Trades"],
  ["internship", "Information and Communication Technologies"],
  ["industry_project", "Agriculture and Natural Resources"],
  ["guest_speaker", "Health Science and Medical Technology"],
  ["job_shadow", "Building and Construction Trades"],
  ["industry_tour", "Information and Communication Technologies"],
  ["guest_speaker", "Agriculture and Natural Resources"],
];
const opportunityIds: string[] = [];
const studentIds: string[] = [];
const placementIds: string[] = [];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function numbers(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n); // high bits: the low bits of this generator cycle quickly
  };
}

beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  for (const [i, [kind, sector]] of OFFERS.entries())
    opportunityIds.push(await f.opportunity(EMPLOYERS[i % EMPLOYERS.length]!, kind, sector));
  const pick = numbers(7);
  for (let i = 0; i < 12; i++) studentIds.push(await f.student(SCHOOLS[i % SCHOOLS.length]!));
  // 2024-07-01 … 2026-06-30, with the school-year boundary days among them.
  const days = [
    "2024-07-01",
    "2024-11-12",
    "2025-01-31",
    "2025-02-01",
    "2025-06-30",
    "2025-07-01",
    "2025-10-15",
    "2026-03-03",
    "2026-06-30",
  ];
  for (let i = 0; i < 40; i++) {
    const student = studentIds[pick(studentIds.length)]!;
    const opportunity = opportunityIds[pick(opportunityIds.length)]!;
    const approved = pick(6);
    placementIds.push(
      await f.placement(student, opportunity, `${days[pick(days.length)]}T${pick(2) ? "00:30" : "23:30"}:00Z`, {
        hours: approved ? [[approved, "approved"]] : [],
      }),
    );
  }
  const pathways = [
    await f.pathway("Health Science"),
    await f.pathway("Residential and Commercial Construction"),
    await f.pathway("Agriscience"),
  ];
  for (let i = 0; i < 12; i++) {
    const school = pick(SCHOOLS.length);
    const pathwayId = pick(3) ? pathways[school] : undefined;
    await f.completedMatch(
      SCHOOLS[school]!,
      opportunityIds[pick(opportunityIds.length)]!,
      `${days[pick(days.length)]}T12:00:00Z`,
      5 + pick(20),
      { pathwayId },
    );
  }
});
afterAll(() => h.close());

type Measures = {
  experiences: number;
  students: number;
  seats: number;
  hours: number;
  employers: number;
  newEmployers: number;
};
const startYear = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 7 ? 1 : 0);

/** The report computed the plain way: the experiences in scope, grouped, with sets of ids. */
async function reference(dims: GroupingDimension[], from: string | null, to: string | null, districtId: string | null) {
  const valley = await f.org("Valley High");
  const rows = await h.db.db.select().from(reportExperiences).where(eq(reportExperiences.regionId, valley.regionId));
  const firsts = new Map(
    (await h.db.db.select().from(reportEmployerFirsts)).map((r) => [r.employerId, startYear(r.firstCompletedOn)]),
  );
  const inScope = rows.filter(
    (r) =>
      (!from || r.completedOn >= from) && (!to || r.completedOn <= to) && (!districtId || r.districtId === districtId),
  );
  const value: Record<GroupingDimension, (r: (typeof rows)[number]) => unknown> = {
    district: (r) => r.districtId,
    school: (r) => r.schoolId,
    pathway: (r) => r.pathwayId,
    sector: (r) => r.sector,
    level: (r) => r.level,
    kind: (r) => r.kind,
    month: (r) => r.completedOn.slice(0, 7),
    schoolYear: (r) => `${startYear(r.completedOn)}-${startYear(r.completedOn) + 1}`,
  };
  const measure = (group: typeof rows): Measures => ({
    experiences: group.length,
    students:
      new Set(group.flatMap((r) => (r.studentId ? [r.studentId] : []))).size +
      group.reduce((n, r) => n + r.attended, 0),
    seats: group.reduce((n, r) => n + r.seats, 0),
    hours: Math.round(group.reduce((n, r) => n + r.hours, 0) * 100) / 100,
    // An event's student rows name no employer.
    employers: new Set(group.flatMap((r) => (r.employerId ? [r.employerId] : []))).size,
    newEmployers: new Set(
      group.flatMap((r) =>
        r.employerId && firsts.get(r.employerId) === startYear(r.completedOn) ? [r.employerId] : [],
      ),
    ).size,
  });
  const groups = new Map<string, typeof rows>();
  for (const r of inScope) {
    const key = JSON.stringify(dims.map((d) => value[d](r)));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return { rows: new Map([...groups].map(([k, g]) => [k, measure(g)])), totals: measure(inScope) };
}

const keyOf: Record<GroupingDimension, string> = {
  district: "districtId",
  school: "schoolId",
  pathway: "pathwayId",
  sector: "sector",
  level: "level",
  kind: "kind",
  month: "month",
  schoolYear: "schoolYear",
};
const measuresOf = (r: Record<string, unknown>): Measures => ({
  experiences: r.experiences as number,
  students: r.students as number,
  seats: r.seats as number,
  hours: r.hours as number,
  employers: r.employers as number,
  newEmployers: r.newEmployers as number,
});

interface Question {
  dims: GroupingDimension[];
  from: string | null;
  to: string | null;
  as?: string;
  districtId?: string;
}

async function expectSameAsCountingIds(q: Question) {
  const params = new URLSearchParams();
  if (q.dims.length) params.set("groupBy", q.dims.join(","));
  if (q.from) params.set("from", q.from);
  if (q.to) params.set("to", q.to);
  if (q.districtId) params.set("districtId", q.districtId);
  const res = await h.app.inject({
    method: "GET",
    url: `/api/reports/placements?${params}`,
    headers: await h.as(q.as ?? INTERMEDIARY),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { rows: Array<Record<string, unknown>>; totals: Record<string, unknown> };
  const district = q.as === COORDINATOR ? (await f.org("Valley Unified")).id : (q.districtId ?? null);
  const want = await reference(q.dims, q.from, q.to, district);
  const got = new Map(body.rows.map((r) => [JSON.stringify(q.dims.map((d) => r[keyOf[d]])), measuresOf(r)]));
  const label = `${q.dims.join("×") || "totals"} ${q.from}…${q.to}${district ? " in a district" : ""}`;
  expect(got, label).toEqual(want.rows);
  expect(measuresOf(body.totals), label).toEqual(want.totals);
}

/** Every kept grouping over a school year, two years by year, twelve months, in a district; and groupings that are not kept. */
function questions(): Question[] {
  const qs: Question[] = [];
  for (const grouping of DISTINCT_GROUPINGS) {
    const dims = [...grouping];
    qs.push(
      { dims, from: "2025-07-01", to: "2026-06-30" },
      { dims: [...dims, "schoolYear"], from: "2024-07-01", to: "2026-06-30" },
    );
  }
  qs.push(
    { dims: ["month"], from: "2024-12-01", to: "2025-11-30" },
    { dims: ["school"], from: "2024-07-01", to: "2025-06-30", as: COORDINATOR },
    { dims: ["district", "kind"], from: "2024-07-01", to: "2025-06-30", as: COORDINATOR },
    { dims: ["sector", "level"], from: "2024-07-01", to: "2025-06-30", as: COORDINATOR },
    { dims: ["sector", "level"], from: "2024-07-01", to: "2026-06-30" },
    { dims: ["sector", "level"], from: "2024-10-01", to: "2025-06-30" },
    { dims: ["school", "kind"], from: "2025-07-01", to: "2026-06-30" },
    { dims: [], from: null, to: null },
  );
  return qs;
}

const LEVEL_RANK: Record<string, number> = { exposure: 1, engagement: 2, experience: 3 };
const TOP = ["educator", "exposure", "engagement", "experience"] as const;

/**
 * The other reports that read the bits: participants per school year (equity, C6.1 named
 * students) and employers by the highest level they reached (employer engagement).
 */
async function expectParticipationAndLevelsSameAsCountingIds() {
  const valley = await f.org("Valley High");
  const rows = await h.db.db.select().from(reportExperiences).where(eq(reportExperiences.regionId, valley.regionId));
  const auth = await h.as(INTERMEDIARY);
  const topLevels = (inYear: typeof rows) => {
    const top = new Map<string, number>();
    for (const r of inYear) {
      if (r.employerId) top.set(r.employerId, Math.max(top.get(r.employerId) ?? 0, LEVEL_RANK[r.level] ?? 0));
    }
    const counts = { exposure: 0, engagement: 0, experience: 0, educator: 0 };
    for (const rank of top.values()) counts[TOP[rank]!]++;
    return { employers: top.size, byHighestLevel: counts };
  };
  const employers = (await h.app.inject({ method: "GET", url: "/api/reports/employers", headers: auth })).json() as {
    rows: Array<{ schoolYear: string; employers: number; byHighestLevel: Record<string, number> }>;
    totals: { employers: number; byHighestLevel: Record<string, number> };
  };
  expect(employers.totals, "employers over all years").toMatchObject(topLevels(rows));
  for (const year of ["2024-2025", "2025-2026"]) {
    const start = Number(year.slice(0, 4));
    const inYear = rows.filter((r) => startYear(r.completedOn) === start);
    expect(
      employers.rows.find((r) => r.schoolYear === year),
      `employers ${year}`,
    ).toMatchObject(topLevels(inYear));
    const participants = new Set(inYear.flatMap((r) => (r.studentId ? [r.studentId] : []))).size;
    const equity = (
      await h.app.inject({
        method: "GET",
        url: `/api/reports/equity?dimension=grade&schoolYear=${year}`,
        headers: auth,
      })
    ).json() as { totals: { participants: number | null } };
    expect(equity.totals.participants, `equity participants ${year}`).toBe(participants);
    const assessment = (
      await h.app.inject({ method: "GET", url: `/api/self-assessment?schoolYear=${year}`, headers: auth })
    ).json() as {
      indicators: Array<{
        indicator: string;
        evidence: {
          thisYear?: { namedStudents: number };
          studentsServedByLevel?: Array<{ level: string; namedStudents: number }>;
        };
      }>;
    };
    const leadership = assessment.indicators.find((i) => i.indicator === "C6.1")!.evidence;
    expect(leadership.thisYear?.namedStudents, `C6.1 named students ${year}`).toBe(participants);
    for (const { level, namedStudents } of leadership.studentsServedByLevel ?? []) {
      expect(namedStudents, `C6.1 named students at ${level} ${year}`).toBe(
        new Set(inYear.filter((r) => r.level === level && r.studentId).map((r) => r.studentId)).size,
      );
    }
  }
}

async function expectAllSameAsCountingIds() {
  for (const q of questions()) await expectSameAsCountingIds(q);
  await expectParticipationAndLevelsSameAsCountingIds();
}

/** Another session records a completed placement directly (its statement takes the region's report lock). */
async function insertCompletedPlacement(c: pg.Client, student: string, opportunity: string) {
  const coordinator = await h.userId(COORDINATOR);
  await c.query(
    `INSERT INTO placements (region_id, district_id, school_id, student_id, opportunity_id, employer_id, start_date, end_date, supervisor_name, supervisor_email, status, completed_at, created_by)
     SELECT s.region_id, s.district_id, s.school_id, s.id, o.id, o.employer_id, '2025-09-01', '2025-09-01', 'Sam', 'sam@example.org', 'completed', '2025-09-01T12:00:00Z', $3
     FROM students s, opportunities o WHERE s.id = $1 AND o.id = $2`,
    [student, opportunity, coordinator],
  );
}

describe("distinct counts from first-row bits", () => {
  it("match counting the ids for every kept grouping, and for those not kept", async () => {
    const riverbend = (await f.org("Riverbend Unified")).id;
    await expectAllSameAsCountingIds();
    await expectSameAsCountingIds({ dims: ["district"], from: "2025-07-01", to: "2026-06-30", districtId: riverbend });
  });

  it("stay exact as experiences move between groups, cross the school-year boundary and go", async () => {
    // An opportunity changes sector: its rows move to other sector partitions.
    await h.db.db
      .update(opportunities)
      .set({ sector: "Information and Communication Technologies" })
      .where(eq(opportunities.id, opportunityIds[0]!));
    await expectAllSameAsCountingIds();
    // A placement completed on June 30 is corrected to July 1 (another school year).
    await h.db.db
      .update(placements)
      .set({ completedAt: new Date("2025-07-01T12:00:00Z") })
      .where(eq(placements.id, placementIds[0]!));
    await h.db.db
      .update(placements)
      .set({ completedAt: new Date("2025-06-30T12:00:00Z") })
      .where(eq(placements.id, placementIds[1]!));
    await expectAllSameAsCountingIds();
    // A student is deleted (with their placements); a placement is withdrawn after completion.
    await h.db.db.delete(students).where(eq(students.id, studentIds[0]!));
    await h.db.db
      .update(placements)
      .set({ status: "withdrawn", completedAt: null })
      .where(eq(placements.id, placementIds[5]!));
    await expectAllSameAsCountingIds();
  });

  it("count a new employer once when two people record its first experiences at the same time", async () => {
    const sector = "Marketing, Sales, and Service" as const;
    const offer = await f.opportunity("Sierra Builders", "job_shadow", sector);
    const [a, b] = [await f.student("Valley High"), await f.student("Eastside High")];
    const sessions = [new pg.Client({ connectionString: h.db.url }), new pg.Client({ connectionString: h.db.url })];
    await Promise.all(sessions.map((c) => c.connect()));
    try {
      const insert = (c: pg.Client, student: string) => insertCompletedPlacement(c, student, offer);
      await Promise.all(sessions.map((c) => c.query("BEGIN")));
      await insert(sessions[0]!, a);
      // The second waits for the first (same region) and then sees its row.
      const second = insert(sessions[1]!, b);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await sessions[0]!.query("COMMIT");
      await second;
      await sessions[1]!.query("COMMIT");
    } finally {
      await Promise.all(sessions.map((c) => c.end()));
    }
    const res = await h.app.inject({
      method: "GET",
      url: "/api/reports/placements?groupBy=sector,level&from=2025-07-01&to=2026-06-30",
      headers: await h.as(INTERMEDIARY),
    });
    const row = (res.json() as { rows: Array<Record<string, unknown>> }).rows.find((r) => r.sector === sector);
    expect(row).toMatchObject({ experiences: 2, students: 2, employers: 1 });
    await expectSameAsCountingIds({ dims: ["sector", "level"], from: "2025-07-01", to: "2026-06-30" });
  });

  it("answer 503 busy, saving nothing, when an edit and another writer of the region's experiences wait on each other", async () => {
    const offer = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
    await f.completedMatch("Valley High", offer, "2025-10-01T12:00:00Z", 12);
    const elsewhere = await f.opportunity(
      "Pixel Orchard Software",
      "internship",
      "Information and Communication Technologies",
    );
    const student = await f.student("Riverbend High");
    const other = new pg.Client({ connectionString: h.db.url });
    await other.connect();
    try {
      // Another transaction records an experience elsewhere in the region (so holds the region's report lock)…
      await other.query("BEGIN");
      await insertCompletedPlacement(other, student, elsewhere);
      // …while the employer changes the opportunity's sector: the API locks the opportunity, then waits for the region…
      const edit = h.app.inject({
        method: "PATCH",
        url: `/api/opportunities/${offer}`,
        headers: await h.as("builder@valley.example"),
        payload: { sector: "Engineering and Architecture" },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // …and the other transaction then needs the opportunity: each waits for the other.
      await other.query("UPDATE opportunities SET seats_taken = seats_taken WHERE id = $1", [offer]);
      const res = await edit;
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.headers["retry-after"]).toBe("1");
      expect(res.json()).toMatchObject({ type: expect.stringMatching(/\/busy$/), status: 503 });
      await other.query("ROLLBACK");
    } finally {
      await other.end();
    }
    const [unchanged] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, offer));
    expect(unchanged!.sector).toBe("Building and Construction Trades");
    // Sent again, it goes through and the report follows.
    const again = await h.app.inject({
      method: "PATCH",
      url: `/api/opportunities/${offer}`,
      headers: await h.as("builder@valley.example"),
      payload: { sector: "Engineering and Architecture" },
    });
    expect(again.statusCode, again.body).toBe(200);
    await expectSameAsCountingIds({ dims: ["sector", "level"], from: "2025-07-01", to: "2026-06-30" });
  });
});
