import { opportunities, placements, students } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { sampleStudent, STUDENT_KEYS, TEACHER_VIEW_KEYS } from "../../../test/fixtures/student-test-data.ts";

let h: Harness;
let valleyHigh: string;
let eastside: string;
let riverbendHigh: string;

const COORD = "coordinator@valley.example";
const INTERMEDIARY = "intermediary@valley.example";
const RIVERBEND = "coordinator@riverbend.example";

async function call(email: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) {
  return h.app.inject({
    method,
    url,
    headers: await h.as(email),
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function create(email: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(email, "POST", "/api/students", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  h = await createHarness();
  valleyHigh = await h.orgId("Valley High");
  eastside = await h.orgId("Eastside High");
  riverbendHigh = await h.orgId("Riverbend High");
});
afterAll(() => h.close());

describe("creating, reading and editing students", () => {
  it("creates a student in the coordinator's district and answers without demographics", async () => {
    const res = await call(COORD, "POST", "/api/students", sampleStudent(valleyHigh, { localId: "C-1" }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(STUDENT_KEYS);
    expect(body).toMatchObject({
      localId: "C-1",
      schoolName: "Valley High",
      grade: 10,
      guardian: { name: "Maria Lopez", language: "es", phone: "555-0100" },
    });
    expect(res.body).not.toMatch(/hispanic|lowIncome|gender/);
    // Stored for equity aggregates all the same.
    const [row] = await h.db.db.select().from(students).where(eq(students.id, body.id));
    expect(row).toMatchObject({ gender: "F", raceEthnicity: "hispanic", englishLearner: true, lowIncome: true });
  });

  it("reads and edits a student, clearing the guardian with null", async () => {
    const id = await create(COORD, sampleStudent(eastside, { localId: "C-2" }));
    const got = await call(COORD, "GET", `/api/students/${id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id, schoolName: "Eastside High", birthDate: "2009-04-12" });
    expect((await call(COORD, "PATCH", `/api/students/${id}`, {})).statusCode).toBe(200);
    const patched = await call(COORD, "PATCH", `/api/students/${id}`, {
      grade: 11,
      guardian: null,
      demographics: { lowIncome: false },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ grade: 11, guardian: null, firstName: "Ana" });
    const [row] = await h.db.db.select().from(students).where(eq(students.id, id));
    expect(row).toMatchObject({ lowIncome: false, gender: "F", guardianEmail: null });
  });

  it("lets the intermediary add students to any school of the region", async () => {
    const id = await create(INTERMEDIARY, sampleStudent(riverbendHigh, { localId: "R-1", firstName: "Rio" }));
    expect((await call(RIVERBEND, "GET", `/api/students/${id}`)).json()).toMatchObject({
      schoolName: "Riverbend High",
    });
  });

  it("answers 409 duplicate for a localId the district already uses, but allows it in another district", async () => {
    await create(COORD, sampleStudent(valleyHigh, { localId: "DUP-1" }));
    const again = await call(COORD, "POST", "/api/students", sampleStudent(eastside, { localId: "DUP-1" }));
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe("https://bridgework.dev/problems/duplicate");
    expect(
      (await call(RIVERBEND, "POST", "/api/students", sampleStudent(riverbendHigh, { localId: "DUP-1" }))).statusCode,
    ).toBe(201);
  });

  it("answers 409 when an edit moves a student onto a localId taken in the new district", async () => {
    await create(INTERMEDIARY, sampleStudent(riverbendHigh, { localId: "MOVE-1" }));
    const id = await create(COORD, sampleStudent(valleyHigh, { localId: "MOVE-1" }));
    const moved = await call(INTERMEDIARY, "PATCH", `/api/students/${id}`, { schoolId: riverbendHigh });
    expect(moved.statusCode).toBe(409);
  });

  it("rejects invalid fields with one error per path", async () => {
    const res = await call(COORD, "POST", "/api/students", {
      ...sampleStudent(valleyHigh),
      localId: "",
      birthDate: "2009-02-30",
      grade: 13,
      ssid: "12345",
      guardian: { name: "G", email: "not-an-email" },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["birthDate", "grade", "guardian.email", "localId", "ssid"]);
  });

  it("refuses teachers and employers creating, editing or deleting students (403)", async () => {
    const id = await create(COORD, sampleStudent(valleyHigh, { localId: "C-403" }));
    for (const who of ["teacher@valley.example", "employer@valley.example"]) {
      expect((await call(who, "POST", "/api/students", sampleStudent(valleyHigh, { localId: "T-1" }))).statusCode).toBe(
        403,
      );
      expect((await call(who, "PATCH", `/api/students/${id}`, { grade: 12 })).statusCode).toBe(403);
      expect((await call(who, "DELETE", `/api/students/${id}`)).statusCode).toBe(403);
    }
  });
});

describe("who sees which students", () => {
  let valleyId: string;
  let eastsideId: string;
  beforeAll(async () => {
    valleyId = await create(COORD, sampleStudent(valleyHigh, { localId: "V-SCOPE", lastName: "Valleyson" }));
    eastsideId = await create(COORD, sampleStudent(eastside, { localId: "E-SCOPE", lastName: "Eastwood", grade: 7 }));
  });

  it("gives the Riverbend coordinator 404 for a Valley Unified student and for Valley High as a school", async () => {
    expect((await call(RIVERBEND, "GET", `/api/students/${valleyId}`)).statusCode).toBe(404);
    expect((await call(RIVERBEND, "PATCH", `/api/students/${valleyId}`, { grade: 12 })).statusCode).toBe(404);
    expect((await call(RIVERBEND, "DELETE", `/api/students/${valleyId}`)).statusCode).toBe(404);
    expect(
      (await call(RIVERBEND, "POST", "/api/students", sampleStudent(valleyHigh, { localId: "X-1" }))).statusCode,
    ).toBe(404);
    const own = await create(RIVERBEND, sampleStudent(riverbendHigh, { localId: "R-OWN" }));
    expect((await call(RIVERBEND, "PATCH", `/api/students/${own}`, { schoolId: valleyHigh })).statusCode).toBe(404);
    const list = (await call(RIVERBEND, "GET", "/api/students?pageSize=100")).json();
    expect(list.items.every((s: { schoolName: string }) => s.schoolName === "Riverbend High")).toBe(true);
  });

  it("gives Coast users 404 for a Valley student on every /:id route", async () => {
    for (const who of ["coordinator@coast.example", "intermediary@coast.example"]) {
      expect((await call(who, "GET", `/api/students/${valleyId}`)).statusCode).toBe(404);
      expect((await call(who, "PATCH", `/api/students/${valleyId}`, { grade: 12 })).statusCode).toBe(404);
      expect((await call(who, "DELETE", `/api/students/${valleyId}`)).statusCode).toBe(404);
    }
    expect((await call("teacher@coast.example", "GET", `/api/students/${valleyId}`)).statusCode).toBe(404);
    expect((await call("intermediary@coast.example", "GET", "/api/students?pageSize=100")).json().total).toBe(0);
    expect((await call(COORD, "GET", `/api/students/${valleyId}`)).json().grade).toBe(10);
  });

  it("shows a teacher only their own school's students, without birth date, guardian or SSID", async () => {
    const list = await call("teacher@valley.example", "GET", "/api/students?pageSize=100");
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.schoolName === "Valley High")).toBe(true);
    for (const s of items) expect(Object.keys(s).sort()).toEqual(TEACHER_VIEW_KEYS);
    const one = await call("teacher@valley.example", "GET", `/api/students/${valleyId}`);
    expect(Object.keys(one.json()).sort()).toEqual(TEACHER_VIEW_KEYS);
    expect(one.body).not.toMatch(/2009-04-12|maria|1234567890/i);
    expect((await call("teacher@valley.example", "GET", `/api/students/${eastsideId}`)).statusCode).toBe(404);
    const other = (await call("teacher2@valley.example", "GET", "/api/students?pageSize=100")).json().items as {
      schoolName: string;
    }[];
    expect(other.map((s) => s.schoolName)).toContain("Eastside High");
    expect(other.every((s) => s.schoolName === "Eastside High")).toBe(true);
  });

  it("refuses employers the list and a single student (403)", async () => {
    expect((await call("employer@valley.example", "GET", "/api/students")).statusCode).toBe(403);
    expect((await call("employer@valley.example", "GET", `/api/students/${valleyId}`)).statusCode).toBe(403);
  });

  it("filters the coordinator's list by school, grade and name", async () => {
    const bySchool = (await call(COORD, "GET", `/api/students?schoolId=${eastside}&grade=7`)).json();
    expect(bySchool.items.map((s: { localId: string }) => s.localId)).toEqual(["E-SCOPE"]);
    const byName = (await call(COORD, "GET", "/api/students?q=valleys")).json();
    expect(byName).toMatchObject({ total: 1, items: [{ localId: "V-SCOPE" }], page: 1, pageSize: 25 });
  });
});

describe("deleting a student's data", () => {
  it("removes the student with their placements and gives the seat back", async () => {
    const id = await create(COORD, sampleStudent(valleyHigh, { localId: "DEL-1" }));
    const opp = await h.app.inject({
      method: "POST",
      url: "/api/opportunities",
      headers: await h.as("employer@valley.example"),
      payload: {
        kind: "job_shadow",
        sector: "Health Science and Medical Technology",
        title: "ER shadow",
        description: "Follow a nurse.",
        modality: "in_person",
        capacity: 2,
      },
    });
    expect(opp.statusCode).toBe(201);
    const oppId = opp.json().id as string;
    // Placements are another feature's; a row written directly stands for one holding a seat.
    await h.db.db.update(opportunities).set({ seatsTaken: 1 }).where(eq(opportunities.id, oppId));
    await h.db.db.insert(placements).values({
      regionId: (await h.db.db.select().from(students).where(eq(students.id, id)))[0]!.regionId,
      districtId: await h.orgId("Valley Unified"),
      schoolId: valleyHigh,
      studentId: id,
      opportunityId: oppId,
      employerId: await h.orgId("Valley Medical Center"),
      startDate: "2026-03-01",
      endDate: "2026-03-02",
      supervisorName: "Sam Super",
      supervisorEmail: "sam@vmc.example",
      createdBy: await h.userId(COORD),
    });

    const res = await call(COORD, "DELETE", `/api/students/${id}`);
    expect(res.statusCode).toBe(204);
    expect((await call(COORD, "GET", `/api/students/${id}`)).statusCode).toBe(404);
    expect(await h.db.db.select().from(students).where(eq(students.id, id))).toEqual([]);
    expect(await h.db.db.select().from(placements).where(eq(placements.studentId, id))).toEqual([]);
    const [o] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, oppId));
    expect(o!.seatsTaken).toBe(0);
  });

  it("lets the intermediary delete a student of any district of the region", async () => {
    const id = await create(RIVERBEND, sampleStudent(riverbendHigh, { localId: "DEL-2" }));
    expect((await call(INTERMEDIARY, "DELETE", `/api/students/${id}`)).statusCode).toBe(204);
    expect((await call(RIVERBEND, "GET", `/api/students/${id}`)).statusCode).toBe(404);
  });
});

describe("auditing student data", () => {
  type Entry = {
    action: string;
    entity: string;
    entityId: string | null;
    actor: { name: string; role: string } | null;
    details: Record<string, unknown> | null;
  };
  const auditOf = async (query: string) => (await call(COORD, "GET", `/api/audit?${query}`)).json().items as Entry[];

  it("shows who read a student through GET /api/audit", async () => {
    const id = await create(COORD, sampleStudent(valleyHigh, { localId: "AUD-1" }));
    await call("teacher@valley.example", "GET", `/api/students/${id}`);
    await call(COORD, "GET", `/api/students/${id}`);
    const entries = await auditOf(`entity=student&entityId=${id}`);
    expect(entries.map((e) => [e.action, e.actor?.role])).toEqual([
      ["read", "coordinator"],
      ["read", "teacher"],
      ["create", "coordinator"],
    ]);
  });

  it("writes an audit row for each change, naming edited fields but not their values", async () => {
    const id = await create(COORD, sampleStudent(valleyHigh, { localId: "AUD-2" }));
    await call(COORD, "PATCH", `/api/students/${id}`, { lastName: "Secretname" });
    expect((await auditOf(`entity=student&entityId=${id}`)).map((e) => e.action)).toEqual(["update", "create"]);
    await call(COORD, "DELETE", `/api/students/${id}`);
    // Deleting erases (docs/privacy.md, Erasure): the history stays under a stand-in id that names no one.
    expect(await auditOf(`entity=student&entityId=${id}`)).toEqual([]);
    const recent = await auditOf("entity=student&pageSize=3");
    expect(recent[0]).toMatchObject({
      action: "delete",
      entityId: null,
      details: expect.objectContaining({ students: 1 }),
    });
    const standIn = recent[1]!.entityId;
    expect(standIn).not.toBe(id);
    expect(recent.slice(1).map((e) => [e.action, e.entityId])).toEqual([
      ["update", standIn],
      ["create", standIn],
    ]);
    expect(recent[1]!.details).toEqual({ fields: ["lastName"] });
    expect(JSON.stringify(recent)).not.toContain("Secretname");
  });

  it("writes one read row per list with the count and the filter, and none for a refused read", async () => {
    const before = await auditOf("entity=student&pageSize=100");
    await call("teacher@valley.example", "GET", "/api/students?grade=10&pageSize=5");
    await call("employer@valley.example", "GET", "/api/students");
    const after = await auditOf("entity=student&pageSize=100");
    expect(after.length).toBe(before.length + 1);
    const [row] = after;
    expect(row).toMatchObject({ action: "read", entityId: null, actor: { role: "teacher" } });
    expect(row!.details).toMatchObject({ filter: { grade: 10, page: 1, pageSize: 5 } });
    expect(row!.details!.count).toBe((row!.details!.ids as string[]).length);
  });
});
