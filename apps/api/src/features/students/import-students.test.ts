import { students } from "@bridgework/db";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { csv, OUR_HEADER } from "../../../test/fixtures/student-test-data.ts";

let h: Harness;
let valleyHigh: string;
let valleyUnified: string;
let riverbendHigh: string;

const COORD = "coordinator@valley.example";
const RIVERBEND = "coordinator@riverbend.example";

async function importCsv(email: string, body: string, query = "", contentType = "text/csv") {
  return h.app.inject({
    method: "POST",
    url: `/api/students/import${query}`,
    headers: { ...(await h.as(email)), "content-type": contentType },
    payload: body,
  });
}

async function byLocalId(localId: string, districtId = valleyUnified) {
  const [row] = await h.db.db
    .select()
    .from(students)
    .where(and(eq(students.districtId, districtId), eq(students.localId, localId)));
  return row;
}

beforeAll(async () => {
  h = await createHarness();
  valleyHigh = await h.orgId("Valley High");
  valleyUnified = await h.orgId("Valley Unified");
  riverbendHigh = await h.orgId("Riverbend High");
});
afterAll(() => h.close());

describe("importing our CSV columns", () => {
  const file = () =>
    csv(
      OUR_HEADER,
      `A-1,1111111111,Ana,Lopez,2009-04-12,10,${valleyHigh},Maria Lopez,maria@example.com,555-0100,es,F,hispanic,Y,N,Y`,
      `A-2,,Ben,Ortiz,2009-13-45,10,${valleyHigh},,,,,,,,,`,
      `A-3,,Cara,Nguyen,2008-01-02,11,no-such-school,,,,,,,,,`,
      `A-4,,Dev,Patel,2008-01-02,13,${valleyHigh},,,,,,,,,`,
      `A-5,,,Kim,2008-01-02,11,${valleyHigh},,,,,,,,,`,
      `A-6,,Eli,"Smith, Jr.",2010-06-30,8,Eastside High,Pat Smith,pat@example.com,,,M,white,N,N,N`,
      `A-7,,Fay,Wong,2009-09-09,09,${valleyHigh},,,,en,X,declined,,,`,
    );

  it("keeps good rows and reports bad ones by their line in the file", async () => {
    const res = await importCsv(COORD, file());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 3, updated: 0 });
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6]);
    const [date, school, grade, name] = body.errors.map((e: { message: string }) => e.message);
    expect(date).toBe('birthDate "2009-13-45" is not a date (YYYY-MM-DD)');
    expect(school).toBe('schoolId "no-such-school" is not the name, local code or id of a school of your district');
    expect(grade).toBe('grade "13" is not a grade from 6 to 12');
    expect(name).toBe("firstName missing");
    expect(await byLocalId("A-1")).toMatchObject({
      firstName: "Ana",
      guardianLanguage: "es",
      ssid: "1111111111",
      gender: "F",
      englishLearner: true,
      disability: false,
    });
    expect(await byLocalId("A-6")).toMatchObject({
      lastName: "Smith, Jr.",
      schoolId: await h.orgId("Eastside High"),
      guardianName: "Pat Smith",
    });
    expect(await byLocalId("A-7")).toMatchObject({ grade: 9, raceEthnicity: "declined", englishLearner: null });
    expect(await byLocalId("A-2")).toBeUndefined();
  });

  it("updates existing students on re-import instead of duplicating them", async () => {
    const changed = file().replace(",Ana,Lopez,2009-04-12,10,", ",Ana,Lopez,2009-04-12,11,");
    const res = await importCsv(COORD, changed);
    expect(res.json()).toMatchObject({ created: 0, updated: 3 });
    const [n] = await h.db.db.select({ n: count() }).from(students).where(eq(students.localId, "A-1"));
    expect(n!.n).toBe(1);
    expect(await byLocalId("A-1")).toMatchObject({ grade: 11 });
  });

  it("leaves fields alone whose column is not in the file, and clears those left empty", async () => {
    const res = await importCsv(
      COORD,
      csv("localId,firstName,lastName,birthDate,grade,schoolId,ssid", `A-1,Ana,Lopez,2009-04-12,12,Valley High,`),
    );
    expect(res.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await byLocalId("A-1")).toMatchObject({
      grade: 12,
      ssid: null,
      guardianName: "Maria Lopez",
      guardianLanguage: "es",
      gender: "F",
    });
  });

  it("treats a school of another district exactly like an unknown one", async () => {
    const res = await importCsv(
      RIVERBEND,
      csv(
        OUR_HEADER,
        `R-1,,Rae,Hill,2009-01-01,10,${valleyHigh},,,,,,,,,`,
        `R-2,,Rob,Hill,2009-01-01,10,Valley High,,,,,,,,,`,
      ),
    );
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        { row: 2, message: `schoolId "${valleyHigh}" is not the name, local code or id of a school of your district` },
        { row: 3, message: 'schoolId "Valley High" is not the name, local code or id of a school of your district' },
      ],
    });
    const own = await importCsv(RIVERBEND, csv(OUR_HEADER, `R-1,,Rae,Hill,2009-01-01,10,${riverbendHigh},,,,,,,,,`));
    expect(own.json()).toMatchObject({ created: 1 });
  });

  it("reports a localId repeated within the file and imports only its first line", async () => {
    const res = await importCsv(
      COORD,
      csv(
        OUR_HEADER,
        `B-1,,Gus,Ray,2009-01-01,10,Valley High,,,,,,,,,`,
        `B-1,,Gus,Ray,2009-01-01,11,Valley High,,,,,,,,,`,
      ),
    );
    expect(res.json()).toMatchObject({
      created: 1,
      errors: [{ row: 3, message: 'localId "B-1" repeats line 2; only the first is imported' }],
    });
  });

  it("reports bad demographics and guardian cells, a record spanning lines, and a short record", async () => {
    const res = await importCsv(
      COORD,
      csv(
        OUR_HEADER,
        `C-1,,Ida,"Multi`,
        `Line",2009-01-01,10,Valley High,,,,,Q,martian,maybe,,`,
        `C-2,,Jo,Bell,2009-01-01,10,Valley High,Jan Bell,not-an-email,,fr,,,,,`,
        `C-3,,Kai`,
        `C-4,,Lu,Ng,2009-01-01,10,Valley High,,,,,,,,,`,
      ),
    );
    const body = res.json();
    expect(body.created).toBe(1);
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([2, 4, 5]);
    expect(body.errors[0].message).toContain('englishLearner "maybe": use Y or N');
    expect(body.errors[0].message).toContain('gender "Q"');
    expect(body.errors[0].message).toContain('raceEthnicity "martian"');
    expect(body.errors[1].message).toContain('guardianEmail "not-an-email"');
    expect(body.errors[1].message).toContain('guardianLanguage "fr"');
    expect(body.errors[2].message).toMatch(/Not readable as CSV/);
  });

  it("writes one audit row for the import with its counts", async () => {
    await importCsv(
      COORD,
      csv(OUR_HEADER, `D-1,,Mo,Ali,2009-01-01,10,Valley High,,,,,,,,,`, `D-2,,,Ali,2009-01-01,10,Valley High,,,,,,,,,`),
    );
    const items = (
      await h.app.inject({ method: "GET", url: "/api/audit?entity=student", headers: await h.as(COORD) })
    ).json().items;
    expect(items[0]).toMatchObject({
      action: "import",
      entityId: null,
      actor: { role: "coordinator" },
      details: { format: "bridgework", rows: 2, created: 1, updated: 0, errors: 1 },
    });
  });
});

describe("importing a OneRoster users.csv", () => {
  const header =
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,metadata.birthDate";

  it("imports students only, by identifier or sourcedId, with school, grade, guardian and SSID mapped", async () => {
    const res = await importCsv(
      COORD,
      csv(
        header,
        `t-1,active,2025-08-01,true,org-vh,teacher,tina,,Tina,Teach,,T100,tina@valley.example,,,,,,`,
        `p-1,active,2025-08-01,true,org-vh,parent,,,Paula,Parent,,,paula@example.com,555-0199,,s-1,,,`,
        `s-1,active,2025-08-01,true,"district-1,Valley High",student,sam,{SSID:2222222222},Sam,Student,Q,OR-1,,,,p-1,09,,2010-02-03`,
        `s-2,,2025-08-01,true,${valleyHigh},student,sue,,Sue,Student,,,,,,,10,,2009-05-06`,
        `s-3,,2025-08-01,true,${valleyHigh},student,sy,,Sy,Student,,OR-3,,,,,11,,`,
        `s-4,,2025-08-01,true,${valleyHigh},student,kit,,Kit,Student,,OR-4,,,,,KG,,2019-01-01`,
        `s-5,tobedeleted,2025-08-01,false,${valleyHigh},student,gone,,Gone,Student,,OR-5,,,,,10,,2009-01-01`,
        `s-6,,2025-08-01,true,org-unknown,student,lost,,Lost,Student,,OR-6,,,,,10,,2009-01-01`,
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, updated: 0 });
    expect(body.errors).toEqual([
      { row: 6, message: "birthDate missing" },
      { row: 7, message: 'grades "KG" is not a grade from 6 to 12' },
      { row: 8, message: "status tobedeleted: not imported (delete a student in Bridgework instead)" },
      {
        row: 9,
        message:
          'orgSourcedIds: none of "org-unknown" is a school of your district (by Bridgework id, exact name or local code)',
      },
    ]);
    expect(await byLocalId("OR-1")).toMatchObject({
      firstName: "Sam",
      lastName: "Student",
      grade: 9,
      birthDate: "2010-02-03",
      schoolId: valleyHigh,
      ssid: "2222222222",
      guardianName: "Paula Parent",
      guardianEmail: "paula@example.com",
      guardianPhone: "555-0199",
    });
    expect(await byLocalId("s-2")).toMatchObject({ firstName: "Sue", grade: 10, guardianName: null });
    expect(await byLocalId("T100")).toBeUndefined();
  });

  it("updates on re-import without clearing the guardian or SSID a later file lacks", async () => {
    const res = await importCsv(
      COORD,
      csv(header, `s-1,,2025-09-01,true,Valley High,student,sam,,Sam,Student,,OR-1,,,,,10,,2010-02-03`),
    );
    expect(res.json()).toEqual({ created: 0, updated: 1, errors: [] });
    expect(await byLocalId("OR-1")).toMatchObject({
      grade: 10,
      ssid: "2222222222",
      guardianEmail: "paula@example.com",
    });
  });

  it("reports every student as birthDate missing when the file has no metadata.birthDate column", async () => {
    const res = await importCsv(
      COORD,
      csv(
        "sourcedId,orgSourcedIds,role,givenName,familyName,identifier,grades",
        "x-1,Valley High,student,Al,One,X-1,10",
        "x-2,Valley High,student,Bo,Two,X-2,10",
      ),
    );
    expect(res.json()).toEqual({
      created: 0,
      updated: 0,
      errors: [
        { row: 2, message: "birthDate missing" },
        { row: 3, message: "birthDate missing" },
      ],
    });
  });
});

describe("import requests the API refuses", () => {
  it("refuses teachers and employers (403)", async () => {
    for (const who of ["teacher@valley.example", "employer@valley.example"])
      expect((await importCsv(who, csv(OUR_HEADER))).statusCode).toBe(403);
  });

  it("answers 400 for a header that is neither format, 415 for JSON or plain text, 413 over 10 MB", async () => {
    const unknown = await importCsv(COORD, csv("name,age", "Ana,15"));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().type).toBe("https://bridgework.dev/problems/validation");
    const missing = await importCsv(COORD, csv("localId,firstName", "A,B"));
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "lastName",
      "birthDate",
      "grade",
      "schoolId",
    ]);
    expect((await importCsv(COORD, csv(OUR_HEADER), "", "text/plain")).statusCode).toBe(415);
    expect((await importCsv(COORD, JSON.stringify({ localId: "x" }), "", "application/json")).statusCode).toBe(415);
    const big = await importCsv(COORD, OUR_HEADER + "\n" + "x".repeat(10 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json().type).toBe("https://bridgework.dev/problems/payload-too-large");
  });

  it("accepts text/csv with a charset and a byte-order mark", async () => {
    const res = await importCsv(
      COORD,
      "\ufeff" + csv(OUR_HEADER, `BOM-1,,Nia,Moss,2009-01-01,10,Valley High,,,,,,,,,`),
      "",
      "text/csv; charset=utf-8",
    );
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
  });
});

describe("large imports", () => {
  const bigFile = (n: number, prefix: string, grade = 10) =>
    [
      OUR_HEADER,
      ...Array.from(
        { length: n },
        (_, i) =>
          `${prefix}${i},${String(1_000_000_000 + i)},First${i},Last${i},2009-0${(i % 9) + 1}-1${i % 10},${grade},Valley High,Guardian ${i},g${i}@example.com,555-${String(i).padStart(4, "0")},${i % 2 ? "es" : "en"},${"FMX"[i % 3]},white,N,N,Y`,
      ),
    ].join("\n");

  it("imports 10,000 rows in one request and updates all of them on re-import", async () => {
    const file = bigFile(10_000, "BIG-");
    let started = performance.now();
    const res = await importCsv(COORD, file);
    console.log(
      `10,000-row student import (create): ${Math.round(performance.now() - started)} ms, ${(file.length / 1024 / 1024).toFixed(1)} MB`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 10_000, updated: 0, errors: [] });
    started = performance.now();
    const again = await importCsv(COORD, bigFile(10_000, "BIG-", 11));
    console.log(`10,000-row student import (update): ${Math.round(performance.now() - started)} ms`);
    expect(again.json()).toEqual({ created: 0, updated: 10_000, errors: [] });
    const [n] = await h.db.db
      .select({ n: count() })
      .from(students)
      .where(and(eq(students.districtId, valleyUnified), eq(students.grade, 11)));
    expect(n!.n).toBeGreaterThanOrEqual(10_000);
  });

  it("runs an import in the background with ?async=1 and shows its progress only to whoever started it", async () => {
    const res = await importCsv(COORD, bigFile(1_200, "ASYNC-") + "\nASYNC-X,,,,,,,,,,,,,,,", "?async=1");
    expect(res.statusCode).toBe(202);
    const { importId } = res.json();
    const status = async (email: string) =>
      h.app.inject({ method: "GET", url: `/api/students/imports/${importId}`, headers: await h.as(email) });
    let body = (await status(COORD)).json();
    for (let i = 0; body.status === "running" && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 50));
      body = (await status(COORD)).json();
    }
    expect(body).toMatchObject({
      id: importId,
      status: "done",
      processed: 1_201,
      total: 1_201,
      created: 1_200,
      updated: 0,
    });
    expect(body.errors).toHaveLength(1);
    expect((await status("intermediary@valley.example")).statusCode).toBe(404);
    expect((await status("teacher@valley.example")).statusCode).toBe(403);
    const bad = await importCsv(COORD, csv("name", "x"), "?async=1");
    expect(bad.statusCode).toBe(400);
  });
});
