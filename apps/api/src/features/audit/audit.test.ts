import { auditLog } from "@bridgework/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
} from "../../../test/fixtures/placement.fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const INTERMEDIARY = "intermediary@valley.example";
const COORDINATOR = "coordinator@valley.example";
const OTHER_DISTRICT = "coordinator@riverbend.example";

interface Entry {
  action: string;
  entity: string;
  entityId: string | null;
  actor: { name: string; role: string; organization: { name: string } | null } | null;
  details: Record<string, unknown> | null;
}

const get = async (as: string, url: string) => h.app.inject({ method: "GET", url, headers: await h.as(as) });
async function auditAs(as: string, query: string): Promise<Entry[]> {
  const res = await get(as, `/api/audit?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe("a district reads every read and change of its students' records, whoever made them", () => {
  it("shows the coordinator the intermediary's reads of a student, of the lists that showed them, of their placement and its documents, with the reader's organization", async () => {
    const student = await insertStudent(h, { lastName: "Audithorne" });
    const placement = (await createPlacement(h, placementBody(student.id, await insertOpportunity(h)))).json();
    const documentId = placement.documents[0].id;

    expect((await get(INTERMEDIARY, `/api/students/${student.id}`)).statusCode).toBe(200);
    expect((await get(INTERMEDIARY, "/api/students?q=Audithorne")).statusCode).toBe(200);
    expect((await get(INTERMEDIARY, `/api/placements/${placement.id}`)).statusCode).toBe(200);
    const resend = await h.app.inject({
      method: "POST",
      url: `/api/placements/${placement.id}/documents/${documentId}/resend`,
      headers: await h.as(INTERMEDIARY),
    });
    expect(resend.statusCode).toBe(200);

    const aboutStudent = await auditAs(COORDINATOR, `entityId=${student.id}`);
    const byIntermediary = aboutStudent.filter((e) => e.actor?.role === "intermediary");
    // One student's history holds their record, the lists that showed it, their placement and its paperwork.
    expect(byIntermediary.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ["resend", "document", documentId],
      ["read", "placement", placement.id],
      ["read", "student", null],
      ["read", "student", student.id],
    ]);
    expect(byIntermediary[0]!.actor).toMatchObject({
      name: expect.any(String),
      organization: { name: "Valley Career Pathways Collaborative" },
    });
    // The intermediary's list showed this student: the district learns that, not what else it showed or what was typed.
    expect(byIntermediary[2]!.details).toMatchObject({ ids: [student.id], count: 1 });
    expect(byIntermediary[2]!.details).not.toHaveProperty("filter");

    const aboutPlacement = await auditAs(COORDINATOR, `entity=placement&entityId=${placement.id}`);
    expect(aboutPlacement.some((e) => e.action === "read" && e.actor?.role === "intermediary")).toBe(true);
    const aboutDocument = await auditAs(COORDINATOR, `entity=document&entityId=${documentId}`);
    expect(aboutDocument.map((e) => [e.action, e.actor?.role, e.actor?.organization?.name])).toEqual([
      ["resend", "intermediary", "Valley Career Pathways Collaborative"],
    ]);
  });

  it("shows another district's coordinator none of it", async () => {
    const student = await insertStudent(h, { lastName: "Elsewhereson" });
    expect((await get(INTERMEDIARY, `/api/students/${student.id}`)).statusCode).toBe(200);
    expect(await auditAs(OTHER_DISTRICT, `entityId=${student.id}`)).toEqual([]);
    const recent = await auditAs(OTHER_DISTRICT, "entity=student&pageSize=100");
    expect(
      recent.some(
        (e) => e.entityId === student.id || (Array.isArray(e.details?.ids) && e.details.ids.includes(student.id)),
      ),
    ).toBe(false);
  });

  it("keeps the intermediary's region-wide view, coordinators' own people included", async () => {
    const student = await insertStudent(h);
    expect((await get(COORDINATOR, `/api/students/${student.id}`)).statusCode).toBe(200);
    const entries = await auditAs(INTERMEDIARY, `entity=student&entityId=${student.id}`);
    expect(entries.map((e) => [e.action, e.actor?.role, e.actor?.organization?.name])).toEqual([
      ["read", "coordinator", "Valley Unified"],
    ]);
  });
});

describe("search terms are not kept", () => {
  it("records that a list was searched, and which filters were used, but not the words typed", async () => {
    await insertStudent(h, { lastName: "Zebulonsky" });
    expect((await get(COORDINATOR, "/api/students?q=Zebulonsky&grade=11")).statusCode).toBe(200);
    const [row] = (await auditAs(COORDINATOR, "entity=student")).filter(
      (e) => e.entityId === null && e.action === "read",
    );
    expect(row!.details).toMatchObject({ filter: { grade: 11, searched: true }, count: 1 });
    expect(row!.details!.filter).not.toHaveProperty("q");
    const [kept] = await h.db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(sql`${auditLog.details}::text ilike '%Zebulonsky%'`);
    expect(kept!.n).toBe(0);
  });
});
