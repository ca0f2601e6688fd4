import { regions, students } from "@bridgework/db";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { sampleStudent } from "../../../test/fixtures/student-test-data.ts";

let h: Harness;
let valleyHigh: string;
let valleyUnified: string;
let riverbendHigh: string;

const COORD = "coordinator@valley.example";
const INTERMEDIARY = "intermediary@valley.example";

async function call(email: string, url: string, method: "GET" | "POST" = "GET", payload?: Record<string, unknown>) {
  return h.app.inject({ method, url, headers: await h.as(email), ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  h = await createHarness();
  valleyHigh = await h.orgId("Valley High");
  valleyUnified = await h.orgId("Valley Unified");
  riverbendHigh = await h.orgId("Riverbend High");
  for (const body of [
    sampleStudent(valleyHigh, { localId: "EX-1" }),
    sampleStudent(await h.orgId("Eastside High"), {
      localId: "EX-2",
      firstName: '=HYPERLINK("http://evil.example")',
      lastName: "Zed",
      guardian: null,
      demographics: { gender: "M" },
      ssid: null,
    }),
  ]) {
    expect((await call(COORD, "/api/students", "POST", body)).statusCode).toBe(201);
  }
  expect(
    (await call(INTERMEDIARY, "/api/students", "POST", sampleStudent(riverbendHigh, { localId: "EX-R" }))).statusCode,
  ).toBe(201);
});
afterAll(() => h.close());

const parseCsv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe("exporting a district's students", () => {
  it("gives the coordinator their district as CSV with demographics, which parses back row for row", async () => {
    const res = await call(COORD, "/api/students/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="students-valley-unified-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers["cache-control"]).toBe("no-store");
    const rows = parseCsv(res.body);
    expect(rows.map((r) => r.localId)).toEqual(["EX-1", "EX-2"]);
    expect(rows[0]).toMatchObject({
      localId: "EX-1",
      ssid: "1234567890",
      firstName: "Ana",
      lastName: "Lopez",
      birthDate: "2009-04-12",
      grade: "10",
      schoolId: valleyHigh,
      schoolName: "Valley High",
      guardianName: "Maria Lopez",
      guardianEmail: "maria.lopez@example.com",
      guardianPhone: "555-0100",
      guardianLanguage: "es",
      gender: "F",
      raceEthnicity: "hispanic",
      englishLearner: "Y",
      disability: "N",
      lowIncome: "Y",
    });
    expect(rows[1]).toMatchObject({
      schoolName: "Eastside High",
      guardianName: "",
      gender: "M",
      raceEthnicity: "",
      englishLearner: "",
    });
  });

  it("writes createdAt and updatedAt in the region's time zone with its offset (PST in winter, PDT in summer)", async () => {
    await h.db.db
      .update(students)
      .set({ createdAt: new Date("2026-12-06T14:34:00Z"), updatedAt: new Date("2027-07-01T00:05:09Z") })
      .where(eq(students.localId, "EX-1"));
    const row = parseCsv((await call(COORD, "/api/students/export.csv")).body).find((r) => r.localId === "EX-1")!;
    expect(row).toMatchObject({ createdAt: "2026-12-06T06:34:00-08:00", updatedAt: "2027-06-30T17:05:09-07:00" });
    await h.db.db.update(regions).set({ timeZone: "America/New_York" }).where(eq(regions.name, "Valley"));
    try {
      const moved = parseCsv((await call(COORD, "/api/students/export.csv")).body).find((r) => r.localId === "EX-1")!;
      expect(moved.createdAt).toBe("2026-12-06T09:34:00-05:00");
    } finally {
      await h.db.db.update(regions).set({ timeZone: "America/Los_Angeles" }).where(eq(regions.name, "Valley"));
    }
  });

  it("defuses a cell a spreadsheet would run as a formula (= + - @), and the import restores it", async () => {
    // `-` and `+` too: OWASP's `-2+3+cmd|…` runs, and so would a phone written `+1 …`.
    await h.db.db
      .update(students)
      .set({ lastName: "-2+3+cmd|' /C calc'!A0", guardianPhone: "+1 555 0100" })
      .where(eq(students.localId, "EX-1"));
    const res = await call(COORD, "/api/students/export.csv");
    const rows = parseCsv(res.body);
    expect(rows.find((r) => r.localId === "EX-2")!.firstName).toBe('\'=HYPERLINK("http://evil.example")');
    expect(rows.find((r) => r.localId === "EX-1")).toMatchObject({
      lastName: "'-2+3+cmd|' /C calc'!A0",
      guardianPhone: "'+1 555 0100",
    });
    const back = await h.app.inject({
      method: "POST",
      url: "/api/students/import",
      headers: { ...(await h.as(COORD)), "content-type": "text/csv" },
      payload: res.body,
    });
    expect(back.json()).toEqual({ created: 0, updated: 2, errors: [] });
    const list = (await call(COORD, "/api/students?q=Zed")).json();
    expect(list.items[0].firstName).toBe('=HYPERLINK("http://evil.example")');
    const [ex1] = await h.db.db.select().from(students).where(eq(students.localId, "EX-1"));
    expect(ex1).toMatchObject({ lastName: "-2+3+cmd|' /C calc'!A0", guardianPhone: "+1 555 0100" });
  });

  it("lets the intermediary export a named district and asks which one otherwise (400)", async () => {
    const res = await call(INTERMEDIARY, `/api/students/export.csv?districtId=${await h.orgId("Riverbend Unified")}`);
    expect(parseCsv(res.body).map((r) => r.localId)).toEqual(["EX-R"]);
    const unnamed = await call(INTERMEDIARY, "/api/students/export.csv");
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().errors).toEqual([{ path: "districtId", message: "Pick the district to export" }]);
  });

  it("answers 404 for another district or region and 403 for teachers and employers", async () => {
    expect(
      (await call("coordinator@riverbend.example", `/api/students/export.csv?districtId=${valleyUnified}`)).statusCode,
    ).toBe(404);
    expect(
      (await call("intermediary@coast.example", `/api/students/export.csv?districtId=${valleyUnified}`)).statusCode,
    ).toBe(404);
    expect((await call("teacher@valley.example", "/api/students/export.csv")).statusCode).toBe(403);
    expect((await call("employer@valley.example", "/api/students/export.csv")).statusCode).toBe(403);
  });

  it("writes an export audit row with the district and the count", async () => {
    await call(COORD, "/api/students/export.csv");
    const items = (await call(COORD, "/api/audit?entity=student")).json().items;
    expect(items[0]).toMatchObject({
      action: "export",
      entityId: null,
      actor: { role: "coordinator" },
      details: { districtId: valleyUnified, count: 2 },
    });
  });
});

describe("the student routes in the OpenAPI document", () => {
  it("documents every student route, the CSV import body and no demographics in responses but the one edit read", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith("/api/students"))
        .sort(),
    ).toEqual([
      "/api/students",
      "/api/students/export.csv",
      "/api/students/import",
      "/api/students/import-template.csv",
      "/api/students/import/preview",
      "/api/students/imports/{id}",
      "/api/students/{id}",
      "/api/students/{id}/demographics",
    ]);
    expect(Object.keys(doc.paths["/api/students/import"].post.requestBody.content)).toEqual(["text/csv"]);
    expect(Object.keys(doc.paths["/api/students/import/preview"].post.requestBody.content)).toEqual(["text/csv"]);
    expect(Object.keys(doc.paths["/api/students/export.csv"].get.responses["200"].content)).toEqual(["text/csv"]);
    expect(JSON.stringify(doc.paths["/api/students/{id}"].get.responses["200"])).not.toMatch(
      /raceEthnicity|demographics/,
    );
    expect(JSON.stringify(doc.paths["/api/students"].get.responses["200"])).not.toMatch(/raceEthnicity|gender/);
  });
});
