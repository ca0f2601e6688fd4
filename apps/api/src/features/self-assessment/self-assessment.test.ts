import { documents, documentTemplates, opportunities, placements, selfAssessments } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * 2025-2026: Valley High s1 internship at VMC (evaluated, would host again), s2 job shadow at VMC; a guest
 * speaker from VMC at Valley High (25 attend, teacher feedback: host again); an industry tour from Sierra
 * Builders at Riverbend High (10 attend, no feedback). Paperwork signed after 2, 4 and 10 days. An open
 * mentoring request in ICT (5 students) nobody offers. 2024-2025: s3 internship at VMC, a VMC speaker for 30.
 * Enrolled: Valley High 4, Riverbend High 1.
 */
let h: Harness;
const INT = "intermediary@valley.example";
const Y = "schoolYear=2025-2026";

beforeAll(async () => {
  h = await createHarness();
  const f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const intern = await f.opportunity("Valley Medical Center", "internship", health, {
    publishedAt: new Date("2025-08-01T00:00:00Z"),
  });
  const shadow = await f.opportunity("Valley Medical Center", "job_shadow", health);
  const speak = await f.opportunity("Valley Medical Center", "guest_speaker", health);
  const tour = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades", {
    publishedAt: new Date("2025-09-01T00:00:00Z"),
  });
  const [s1, s2, s3] = [await f.student("Valley High"), await f.student("Valley High"), await f.student("Valley High")];
  await f.student("Valley High");
  await f.student("Riverbend High");
  const p1 = await f.placement(s1, intern, "2025-10-15T18:00:00Z", { evaluation: { given: true, hostAgain: true } });
  const p2 = await f.placement(s2, shadow, "2026-01-15T18:00:00Z");
  await f.placement(s3, intern, "2025-03-15T18:00:00Z");
  const m = await f.completedMatch("Valley High", speak, "2025-09-20T18:00:00Z", 25);
  await f.feedback(m, "teacher@valley.example", true);
  await f.completedMatch("Riverbend High", tour, "2025-11-05T18:00:00Z", 10);
  await f.completedMatch("Valley High", speak, "2024-10-05T18:00:00Z", 30);
  await f.request("Valley High", "mentoring", "Information and Communication Technologies", { students: 5 });

  const [p] = await h.db.db.select().from(placements).where(eq(placements.id, p1));
  const [tpl] = await h.db.db
    .insert(documentTemplates)
    .values({
      regionId: p!.regionId,
      kind: "worksite_agreement",
      version: 99,
      titleEn: "Agreement",
      titleEs: "Acuerdo",
      bodyEn: "Body",
      bodyEs: "Cuerpo",
    })
    .returning();
  const doc = (placementId: string, created: string, signed: string) => ({
    regionId: p!.regionId,
    placementId,
    templateId: tpl!.id,
    kind: "worksite_agreement" as const,
    signerRole: "supervisor" as const,
    signerName: "Sam",
    signerEmail: "sam@example.org",
    language: "en" as const,
    status: "signed" as const,
    dueOn: "2025-12-31",
    createdAt: new Date(created),
    signedAt: new Date(signed),
  });
  await h.db.db
    .insert(documents)
    .values([
      doc(p1, "2025-09-01T12:00:00Z", "2025-09-03T12:00:00Z"),
      doc(p2, "2025-12-01T12:00:00Z", "2025-12-05T12:00:00Z"),
      doc(p2, "2025-12-01T12:00:00Z", "2025-12-11T12:00:00Z"),
    ]);
  // Not this year's paperwork.
  await h.db.db.insert(documents).values(doc(p1, "2025-06-01T12:00:00Z", "2025-06-20T12:00:00Z"));
  expect((await h.db.db.select().from(opportunities)).length).toBeGreaterThan(0);
});
afterAll(() => h.close());

async function get(email: string, query = Y, status = 200) {
  const res = await h.app.inject({ method: "GET", url: `/api/self-assessment?${query}`, headers: await h.as(email) });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
async function put(email: string, indicator: string, payload: Record<string, unknown>, status = 200) {
  const res = await h.app.inject({
    method: "PUT",
    url: `/api/self-assessment/${indicator}`,
    headers: await h.as(email),
    payload,
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const indicator = (body: { indicators: { indicator: string }[] }, id: string) =>
  body.indicators.find((i) => i.indicator === id) as unknown as {
    stage: number | null;
    notes: string;
    evidence: Record<string, unknown>;
    stages: { label: string }[];
    title: string;
  };

describe("C6 self-assessment", () => {
  it("returns the three indicators with the framework's rubric, unrated at first", async () => {
    const body = await get(INT);
    expect(body.indicators.map((i: { indicator: string; title: string }) => [i.indicator, i.title])).toEqual([
      ["C6.1", "WBL Leadership"],
      ["C6.2", "Employer Engagement"],
      ["C6.3", "WBL Continuous Improvement"],
    ]);
    expect(indicator(body, "C6.2").stages.map((s) => s.label)).toEqual([
      "Emerging",
      "Developing",
      "Advancing",
      "Transforming",
    ]);
    expect(indicator(body, "C6.1").stage).toBeNull();
    expect(body.evidenceScope).toBe("region");
  });

  it("shows students served per level, the share of enrolled students and its trend (C6.1)", async () => {
    const e = indicator(await get(INT), "C6.1").evidence;
    expect(e.enrolled).toBe(5);
    expect(e.studentsServedByLevel).toEqual([
      { level: "exposure", experiences: 2, students: 35, namedStudents: 0, shareOfEnrolled: 0 },
      { level: "engagement", experiences: 1, students: 1, namedStudents: 1, shareOfEnrolled: 0.2 },
      { level: "experience", experiences: 1, students: 1, namedStudents: 1, shareOfEnrolled: 0.2 },
      { level: "educator", experiences: 0, students: 0, namedStudents: 0, shareOfEnrolled: 0 },
    ]);
    expect(e.thisYear).toEqual({ schoolYear: "2025-2026", students: 37, namedStudents: 2, shareOfEnrolled: 0.4 });
    expect(e.previousYear).toEqual({ schoolYear: "2024-2025", students: 31, namedStudents: 1, shareOfEnrolled: 0.2 });
  });

  it("shows employers per level, new employers and unmet demand against recruitment by sector (C6.2)", async () => {
    const e = indicator(await get(INT), "C6.2").evidence;
    expect(e).toMatchObject({ employersEngaged: 2, newEmployers: 1 });
    expect(e.employersByLevel).toEqual([
      { level: "exposure", employers: 2 },
      { level: "engagement", employers: 1 },
      { level: "experience", employers: 1 },
      { level: "educator", employers: 0 },
    ]);
    expect(e.demandVsRecruitmentBySector).toEqual([
      {
        sector: "Information and Communication Technologies",
        unmetRequests: 1,
        studentsWaiting: 5,
        opportunitiesPublished: 0,
        seatsPublished: 0,
        employersEngaged: 0,
        newEmployers: 0,
      },
      {
        sector: "Building and Construction Trades",
        unmetRequests: 0,
        studentsWaiting: 0,
        opportunitiesPublished: 1,
        seatsPublished: 50,
        employersEngaged: 1,
        newEmployers: 1,
      },
      {
        sector: "Health Science and Medical Technology",
        unmetRequests: 0,
        studentsWaiting: 0,
        opportunitiesPublished: 1,
        seatsPublished: 50,
        employersEngaged: 1,
        newEmployers: 0,
      },
    ]);
  });

  it("shows feedback and evaluation completion, host again and paperwork turnaround (C6.3)", async () => {
    expect(indicator(await get(INT), "C6.3").evidence).toEqual({
      feedback: { engagements: 2, withFeedback: 1, completionRate: 0.5 },
      evaluations: { placements: 2, evaluated: 1, completionRate: 0.5 },
      hostAgain: { yes: 2, answers: 2, rate: 1 },
      paperwork: { documentsSigned: 3, medianDaysToSignature: 4 },
    });
  });

  it("saves the intermediary's stage and notes per school year, with the evidence it was rated against", async () => {
    const saved = await put(INT, "C6.2", {
      schoolYear: "2025-2026",
      stage: 2,
      notes: "Recruiting along the continuum; ICT mentors missing.",
    });
    expect(saved).toMatchObject({
      indicator: "C6.2",
      stage: 2,
      notes: "Recruiting along the continuum; ICT mentors missing.",
    });
    await put(INT, "C6.2", { schoolYear: "2025-2026", stage: 3, notes: "Revised" });
    const body = await get(INT);
    expect(indicator(body, "C6.2")).toMatchObject({ stage: 3, notes: "Revised" });
    expect(indicator(await get(INT, "schoolYear=2024-2025"), "C6.2").stage).toBeNull();
    const rows = await h.db.db.select().from(selfAssessments);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.evidence).toMatchObject({ employersEngaged: 2, newEmployers: 1 });
  });

  it("lets a coordinator read the region's ratings with the own district's evidence", async () => {
    const body = await get("coordinator@valley.example");
    expect(body.evidenceScope).toBe("district");
    expect(indicator(body, "C6.2").stage).toBe(3);
    expect(indicator(body, "C6.1").evidence.enrolled).toBe(4);
    expect(indicator(body, "C6.1").evidence.thisYear).toEqual({
      schoolYear: "2025-2026",
      students: 27,
      namedStudents: 2,
      shareOfEnrolled: 0.5,
    });
  });

  it("refuses a coordinator saving, teachers and employers reading, and bad stages or indicators", async () => {
    await put("coordinator@valley.example", "C6.1", { schoolYear: "2025-2026", stage: 2 }, 403);
    await get("teacher@valley.example", Y, 403);
    await get("employer@valley.example", Y, 403);
    await put(INT, "C6.1", { schoolYear: "2025-2026", stage: 5 }, 400);
    await put(INT, "C6.9", { schoolYear: "2025-2026", stage: 2 }, 400);
  });

  it("keeps Coast's self-assessment and evidence apart from Valley's", async () => {
    const body = await get("intermediary@coast.example");
    expect(indicator(body, "C6.2").stage).toBeNull();
    expect(indicator(body, "C6.1").evidence.enrolled).toBe(0);
    expect(indicator(body, "C6.2").evidence.employersEngaged).toBe(0);
  });
});
