import { auditLog } from "@bridgework/db";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";
import { calpadsLine } from "./export-calpads-wbl.ts";

/**
 * School year 2025-2026. Students (local ids in creation order): a L1 Valley High grade 11; b L2 Valley High
 * grade 12 without SSID; c L3 grade 8; d L4 Riverbend High grade 10; e L5 Valley High grade 9.
 *   1  a internship (10), 10 h approved, evaluated          → listed: no State Course Code
 *   2  a student enterprise (15), 4 h approved in the year (+3 h dated June 2025, not counted) → exported
 *   3  a industry project (20), only pending hours          → listed: no hours
 *   4  b simulated work (20), 6 h                           → listed: no SSID
 *   5  e pre-apprenticeship (25), no hours, no supervisor   → exported (hours not required), supervised N
 *   6  a job shadow: not a WBLR kind                        → not a record
 *   7  c (grade 8) student enterprise                       → not a record
 *   8  d simulated work (20), 3 h (Riverbend)               → exported
 *   9  e paid work experience completed 2026-07-01 01:00Z   → next year
 *   10 b internship still active                            → not a record
 *   11 e paid work experience (10), 8 h, completed June 30  → listed: no State Course Code
 *   12 b internship, no hours                               → listed: SSID, course and hours
 */
let h: Harness;
let f: Fixtures;
const ids: Record<string, string> = {};
const INT = "intermediary@valley.example";
const Y = "schoolYear=2025-2026";

beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  const vmcIntern = await f.opportunity("Valley Medical Center", "internship", "Health Science and Medical Technology");
  const vmcShadow = await f.opportunity("Valley Medical Center", "job_shadow", "Health Science and Medical Technology");
  const pxEnt = await f.opportunity(
    "Pixel Orchard Software",
    "student_enterprise",
    "Information and Communication Technologies",
  );
  const pxPaid = await f.opportunity(
    "Pixel Orchard Software",
    "paid_work_experience",
    "Information and Communication Technologies",
  );
  const agProj = await f.opportunity(
    "Central Valley Ag Co-op",
    "industry_project",
    "Agriculture and Natural Resources",
  );
  const agSim = await f.opportunity("Central Valley Ag Co-op", "simulated_work", "Agriculture and Natural Resources");
  const sbPre = await f.opportunity("Sierra Builders", "pre_apprenticeship", "Building and Construction Trades");

  const a = await f.student("Valley High", { grade: 11 });
  const b = await f.student("Valley High", { grade: 12, ssid: null });
  const c = await f.student("Valley High", { grade: 8 });
  const d = await f.student("Riverbend High", { grade: 10 });
  const e = await f.student("Valley High", { grade: 9 });
  ids.p1 = await f.placement(a, vmcIntern, "2025-11-01T18:00:00Z", {
    hours: [[10, "approved", "2025-10-20"]],
    evaluation: { given: true, hostAgain: true },
  });
  ids.p2 = await f.placement(a, pxEnt, "2026-01-10T18:00:00Z", {
    hours: [
      [4, "approved", "2026-01-05"],
      [3, "approved", "2025-06-20"],
    ],
  });
  ids.p3 = await f.placement(a, agProj, "2026-03-01T18:00:00Z", { hours: [[5, "pending", "2026-02-20"]] });
  ids.p4 = await f.placement(b, agSim, "2026-04-01T18:00:00Z", { hours: [[6, "approved", "2026-03-25"]] });
  ids.p5 = await f.placement(e, sbPre, "2026-05-01T18:00:00Z", { supervisorName: "  " });
  await f.placement(a, vmcShadow, "2026-02-01T18:00:00Z", { hours: [[2, "approved"]] });
  await f.placement(c, pxEnt, "2026-02-01T18:00:00Z", { hours: [[5, "approved"]] });
  ids.p8 = await f.placement(d, agSim, "2026-02-15T18:00:00Z", { hours: [[3, "approved", "2026-02-10"]] });
  await f.placement(e, pxPaid, "2026-07-01T01:00:00Z", { hours: [[8, "approved", "2026-06-01"]] });
  await f.placement(b, vmcIntern, null, { hours: [[5, "approved"]] });
  ids.p11 = await f.placement(e, pxPaid, "2026-06-30T22:00:00Z", { hours: [[8, "approved", "2026-06-15"]] });
  ids.p12 = await f.placement(b, vmcIntern, "2025-12-01T18:00:00Z");
  ids.riverbend = (await f.org("Riverbend Unified")).id;
});
afterAll(() => h.close());

async function csv(email: string, query = Y) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/exports/calpads-wbl.csv?${query}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(200);
  return { res, rows: parse(res.body, { columns: true }) as Record<string, string>[] };
}
async function validation(email: string, query = Y) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/exports/calpads-wbl/validation?${query}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const line = (ssid: string, localId: string, school: string, code: string, hours: string, supervised = "Y") => ({
  "Academic Year ID": "2025-2026",
  SSID: ssid,
  "Local Student ID": localId,
  "School Name": school,
  "Work-Based Learning Type Code": code,
  "Internship ID": "",
  "WBL Hours - External": hours,
  "State Course Code": "",
  "Internship Employer Performance Evaluation Code": "",
  "LEA-Sponsored Indicator": "Y",
  "Certified-Supervised Indicator": supervised,
});

describe("CALPADS WBL export", () => {
  it("exports one line per student per WBL activity of the year, with the code of its kind and the year's approved hours", async () => {
    const { res, rows } = await csv(INT);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain('filename="calpads-wbl-2025-2026.csv"');
    expect(rows).toEqual([
      line("1000000004", "L4", "Riverbend High", "20", "3"),
      line("1000000001", "L1", "Valley High", "15", "4"),
      line("1000000005", "L5", "Valley High", "25", "", "N"),
    ]);
    expect(res.headers["x-validation-issues"]).toBe("5");
  });

  it("lists the records missing a required field, with every reason, instead of exporting them", async () => {
    const v = await validation(INT);
    expect(v.totals).toEqual({ records: 8, exported: 3, withIssues: 5 });
    const reasons = Object.fromEntries(
      v.rows.map((r: { placementId: string; reasons: { code: string }[] }) => [
        r.placementId,
        r.reasons.map((x) => x.code),
      ]),
    );
    expect(reasons).toEqual({
      [ids.p1!]: ["stateCourseCode"],
      [ids.p3!]: ["hours"],
      [ids.p4!]: ["ssid"],
      [ids.p11!]: ["stateCourseCode"],
      [ids.p12!]: ["ssid", "stateCourseCode", "hours"],
    });
    expect(v.rows.find((r: { placementId: string }) => r.placementId === ids.p11).wblTypeCode).toBe("10");
    // Each row names the student, so the district knows whose record to fix.
    expect(v.rows.find((r: { placementId: string }) => r.placementId === ids.p4)).toMatchObject({
      localId: "L2",
      firstName: "First2",
      lastName: "Last2",
      reasons: [{ code: "ssid" }],
    });
    const page = await validation(INT, `${Y}&page=2&pageSize=2`);
    expect(page.rows).toHaveLength(2);
    expect(page.totals.withIssues).toBe(5);
  });

  it("still counts the issues when no record of the year is valid", async () => {
    // 2026-2027 holds only placement 9, a paid work experience (code 10) without a course.
    const { rows, res } = await csv(INT, "schoolYear=2026-2027");
    expect(rows).toEqual([]);
    expect(res.headers["x-validation-issues"]).toBe("1");
    expect(res.headers["x-records"]).toBe("0");
  });

  it("writes an internship's ID, hours and evaluation code (Y when the employer gave one, else N)", () => {
    const base = {
      placement_id: "0b8c6c1e-6a6f-4f8e-9d53-3f1f2f0b9a11",
      student_id: "x",
      local_id: "L9",
      ssid: "1234567890",
      school: "Valley High",
      kind: "internship",
      state_course_code: "1234",
      supervised: true,
      issues: [],
    };
    const toLine = calpadsLine("2025-2026");
    expect(toLine({ ...base, code: "10", hours: 12.5, evaluation_given: true })).toMatchObject({
      internshipId: base.placement_id,
      hours: 12.5,
      evaluation: "Y",
      stateCourseCode: "1234",
    });
    expect(toLine({ ...base, code: "10", hours: 1, evaluation_given: null }).evaluation).toBe("N");
    expect(toLine({ ...base, code: "25", hours: 4, evaluation_given: true })).toMatchObject({
      internshipId: "",
      hours: "",
      evaluation: "",
    });
  });

  it("gives a coordinator only the own district's students, and 404 for another district", async () => {
    const valley = await csv("coordinator@valley.example");
    expect(valley.rows.map((r) => r["Local Student ID"])).toEqual(["L1", "L5"]);
    expect(valley.res.headers["x-validation-issues"]).toBe("5");
    const river = await csv("coordinator@riverbend.example");
    expect(river.rows.map((r) => r["Local Student ID"])).toEqual(["L4"]);
    expect(river.res.headers["x-validation-issues"]).toBe("0");
    expect((await validation("coordinator@riverbend.example")).totals).toEqual({
      records: 1,
      exported: 1,
      withIssues: 0,
    });
    const other = await h.app.inject({
      method: "GET",
      url: `/api/exports/calpads-wbl.csv?${Y}&districtId=${ids.riverbend}`,
      headers: await h.as("coordinator@valley.example"),
    });
    expect(other.statusCode).toBe(404);
    const narrowed = await csv(INT, `${Y}&districtId=${ids.riverbend}`);
    expect(narrowed.rows).toHaveLength(1);
  });

  it("shows the Coast intermediary no Valley records", async () => {
    const { rows, res } = await csv("intermediary@coast.example");
    expect(rows).toEqual([]);
    expect(res.headers["x-validation-issues"]).toBe("0");
  });

  it("audits the export, which carries student identifiers", async () => {
    const rows = await h.db.db.select().from(auditLog).where(eq(auditLog.entity, "calpads_wbl"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.details).toMatchObject({ schoolYear: "2025-2026" });
  });

  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    for (const url of [`/api/exports/calpads-wbl.csv?${Y}`, `/api/exports/calpads-wbl/validation?${Y}`]) {
      const res = await h.app.inject({ method: "GET", url, headers: await h.as(email) });
      expect(res.statusCode).toBe(403);
    }
  });

  it("needs a school year", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/exports/calpads-wbl.csv?schoolYear=2025-2027",
      headers: await h.as(INT),
    });
    expect(res.statusCode).toBe(400);
  });
});
