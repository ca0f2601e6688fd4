import { auditLog, students, users } from "@bridgework/db";
import { and, count, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { csv, sampleStudent } from "../../../test/fixtures/student-test-data.ts";

let h: Harness;
let valleyHigh: string;
let valleyUnified: string;

const COORD = "coordinator@valley.example";
const TEACHER = "teacher@valley.example";
const HEADER =
  "localId,firstName,lastName,birthDate,grade,school,guardianName,guardianEmail,guardianLanguage,gender,raceEthnicity,englishLearner,disability,lowIncome";

async function post(email: string, url: string, body: string) {
  return h.app.inject({
    method: "POST",
    url,
    headers: { ...(await h.as(email)), "content-type": "text/csv" },
    payload: body,
  });
}

async function byLocalId(localId: string) {
  const [row] = await h.db.db
    .select()
    .from(students)
    .where(and(eq(students.districtId, valleyUnified), eq(students.localId, localId)));
  return row;
}

async function studentCount() {
  const [row] = await h.db.db.select({ n: count() }).from(students);
  return row!.n;
}

beforeAll(async () => {
  h = await createHarness();
  valleyHigh = await h.orgId("Valley High");
  valleyUnified = await h.orgId("Valley Unified");
});
afterAll(() => h.close());

describe("the import template", () => {
  it("has the columns and an example row naming one of the person's schools, with words the import takes", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/students/import-template.csv",
      headers: await h.as(COORD),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.headers["content-disposition"]).toContain("students-template.csv");
    const [header, example] = res.body.trim().split("\n");
    expect(header).toBe(
      "localId,ssid,firstName,lastName,birthDate,grade,school,guardianName,guardianEmail,guardianPhone,guardianLanguage,gender,raceEthnicity,englishLearner,disability,lowIncome",
    );
    expect(example).toMatch(
      /^EXAMPLE-1,,Ana,Example,2010-04-12,10,[^,]+ (High|Middle|School)[^,]*,Maria Example,maria@example.com,555-0100,Spanish,Female,Hispanic or Latino,Yes,No,$/,
    );
    // The template imports as it is.
    const preview = await post(COORD, "/api/students/import/preview", res.body);
    expect(preview.json()).toMatchObject({ total: 1, create: 1, errors: 0 });
  });

  it("is for coordinators and intermediaries only", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: "/api/students/import-template.csv",
      headers: await h.as(TEACHER),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("the import preview", () => {
  const file = () =>
    csv(
      HEADER,
      "P-1,Ana,Lopez,2009-04-12,10,valley high,Maria Lopez,maria@example.com,Español,Female,Hispanic or Latino,Yes,No,Sí",
      "P-2,Ben,Ortiz,2009-05-01,13,Valley High,,,,,,,,",
      `P-3,Cara,Nguyen,2008-01-02,11,${valleyHigh},Lan Nguyen,lan@example.com,english,x,two or more races,N,unknown,prefer not to say`,
    );

  it("says what each row would do and saves nothing", async () => {
    const before = await studentCount();
    const res = await post(COORD, "/api/students/import/preview", file());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      format: "bridgework",
      total: 3,
      create: 2,
      update: 0,
      errors: 1,
      rows: [
        { row: 2, outcome: "create", localId: "P-1", name: "Ana Lopez", school: "Valley High", problems: [] },
        {
          row: 3,
          outcome: "error",
          localId: "P-2",
          name: "Ben Ortiz",
          school: null,
          problems: [{ field: "grade", message: 'grade "13" is not a grade from 6 to 12' }],
        },
        { row: 4, outcome: "create", localId: "P-3", name: "Cara Nguyen", school: "Valley High", problems: [] },
      ],
    });
    expect(await studentCount()).toBe(before);
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "preview"))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(entry).toMatchObject({
      entity: "student",
      details: { format: "bridgework", total: 3, create: 2, update: 0, errors: 1 },
    });
  });

  it("imports words as codes: school by name, language by name, demographics by label", async () => {
    const res = await post(COORD, "/api/students/import", file());
    expect(res.json()).toMatchObject({ created: 2, updated: 0, errors: [{ row: 3 }] });
    expect(await byLocalId("P-1")).toMatchObject({
      schoolId: valleyHigh,
      guardianLanguage: "es",
      gender: "F",
      raceEthnicity: "hispanic",
      englishLearner: true,
      disability: false,
      lowIncome: true,
    });
    expect(await byLocalId("P-3")).toMatchObject({
      guardianLanguage: "en",
      gender: "X",
      raceEthnicity: "two_or_more",
      englishLearner: false,
      disability: null,
      lowIncome: null,
    });
    // Previewed again, the same file would update the two students it created.
    const again = await post(COORD, "/api/students/import/preview", file());
    expect(again.json()).toMatchObject({ create: 0, update: 2, errors: 1 });
  });

  it("names each bad cell's column, in Spanish for a Spanish reader", async () => {
    const coordinator = await h.userId(COORD);
    await h.db.db.update(users).set({ language: "es" }).where(eq(users.id, coordinator));
    try {
      const res = await post(
        COORD,
        "/api/students/import/preview",
        csv(HEADER, "P-9,Eva,Ruiz,2009-02-30,9,Nowhere High,Ana Ruiz,ana@example.com,French,Q,,maybe,,"),
      );
      const [row] = res.json().rows;
      expect(row.outcome).toBe("error");
      expect(row.problems).toEqual([
        { field: "guardianLanguage", message: 'guardianLanguage "French" no es ninguno de: en, es' },
        { field: "gender", message: 'gender "Q" no es ninguno de: F, M, X' },
        { field: "englishLearner", message: 'englishLearner "maybe": use Y (sí) o N (no)' },
        {
          field: "school",
          message: 'school "Nowhere High" no es el nombre, el código local ni el id de una escuela de su distrito',
        },
        { field: "birthDate", message: 'birthDate "2009-02-30" no es una fecha (AAAA-MM-DD)' },
      ]);
    } finally {
      await h.db.db.update(users).set({ language: "en" }).where(eq(users.id, coordinator));
    }
  });

  it("refuses teachers (403) and a file without the required columns (400 naming them)", async () => {
    expect((await post(TEACHER, "/api/students/import/preview", file())).statusCode).toBe(403);
    const res = await post(COORD, "/api/students/import/preview", csv("localId,firstName", "X,Y"));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "lastName",
      "birthDate",
      "grade",
      "schoolId",
    ]);
  });
});

describe("a student's demographics", () => {
  it("are read one student at a time by who may edit them, audited; others get 404 or 403", async () => {
    const created = await h.app.inject({
      method: "POST",
      url: "/api/students",
      headers: await h.as(COORD),
      payload: sampleStudent(valleyHigh, { localId: "D-1" }),
    });
    const id = created.json().id;
    expect(created.json()).not.toHaveProperty("demographics");
    const res = await h.app.inject({
      method: "GET",
      url: `/api/students/${id}/demographics`,
      headers: await h.as(COORD),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      gender: "F",
      raceEthnicity: "hispanic",
      englishLearner: true,
      disability: false,
      lowIncome: true,
    });
    const [entry] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "read")))
      .orderBy(desc(auditLog.at))
      .limit(1);
    expect(entry?.details).toEqual({ fields: ["demographics"] });
    expect(
      (
        await h.app.inject({
          method: "GET",
          url: `/api/students/${id}/demographics`,
          headers: await h.as("coordinator@riverbend.example"),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: "GET", url: `/api/students/${id}/demographics`, headers: await h.as(TEACHER) }))
        .statusCode,
    ).toBe(403);
  });
});
