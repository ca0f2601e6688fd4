import { inflateSync } from "node:zlib";
import { auditLog, emails, organizations, requests, students } from "@bridgework/db";
import { createSweeps } from "@bridgework/worker";
import { levelOf } from "@bridgework/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  placementBody,
  recordInsurance,
  signEverything,
} from "../../../test/fixtures/placement.fixtures.ts";

// Placements run 2031-06-15 to 2031-07-31; "today" is inside so hours can be logged.
const clock = manualClock(new Date("2031-07-01T17:00:00Z"));
const INTERMEDIARY = "intermediary@valley.example";
const COORD = "coordinator@valley.example";
const RIVERBEND = "coordinator@riverbend.example";
let h: Harness;
// The sweep as production runs it, by name.
const eraseRetention = createSweeps({ publicUrl: "http://bridgework.test" })["erase-retention"]!;

/** A student with names and addresses found nowhere else, and the ids of everything recorded about them. */
interface Seeded {
  id: string;
  terms: string[];
  ids: string[];
}

const call = async (email: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
  h.app.inject({ method, url, headers: await h.as(email), payload: payload as object });

async function linksTo(to: string, kind: "hours" | "evaluate") {
  const rows = await h.db.db.select({ text: emails.text }).from(emails).where(eq(emails.to, to));
  const re = new RegExp(`http://bridgework\\.test/${kind}/([A-Za-z0-9_-]{40,})`, "g");
  return rows.flatMap((r) => [...r.text.matchAll(re)].map((m) => m[1]!));
}

/**
 * A student of `school` with the whole life of a placement: paperwork signed (PDFs), active,
 * hours logged and approved, completed, evaluated with a comment naming them; read by the
 * coordinator and the intermediary (list search, record, placement, PDF), and named in a
 * request's notes. `placement: false`: enrolled and read only.
 */
async function seed(
  school: string,
  first: string,
  last: string,
  coordinator: string,
  placement = true,
): Promise<Seeded> {
  const [org] = await h.db.db.select().from(organizations).where(eq(organizations.name, school));
  const guardianName = `Octavia ${last}`;
  const guardianEmail = `${last.toLowerCase()}.family@home.example`;
  const localId = `LID-${last.toUpperCase()}`;
  const [student] = await h.db.db
    .insert(students)
    .values({
      regionId: org!.regionId,
      districtId: org!.parentId!,
      schoolId: org!.id,
      localId,
      ssid: `99${last.length}7${first.length}31`,
      firstName: first,
      lastName: last,
      birthDate: "2014-03-02",
      grade: 11,
      guardianName,
      guardianEmail,
      guardianPhone: "559-555-0199",
    })
    .returning();
  const id = student!.id;
  const ids = [id];
  await call(coordinator, "GET", `/api/students/${id}`);
  await call(INTERMEDIARY, "GET", `/api/students/${id}`);
  await call(coordinator, "GET", `/api/students?q=${last}`);
  await h.db.db.insert(requests).values({
    regionId: org!.regionId,
    districtId: org!.parentId!,
    schoolId: org!.id,
    createdBy: await h.userId(coordinator),
    kind: "job_shadow",
    level: levelOf("job_shadow"),
    sector: "Health Science and Medical Technology",
    students: 3,
    gradeLevels: [11],
    windowStart: "2031-09-01",
    windowEnd: "2031-10-01",
    modality: "in_person",
    notes: `Please include ${first} ${last}; ask ${guardianEmail} first.`,
  });
  if (placement) {
    const body = placementBody(id, await insertOpportunity(h), {
      supervisor: { name: "Dr. Lena Ortiz", email: `supervisor.${last.toLowerCase()}@vmc.example` },
    });
    const created = await createPlacement(h, body, coordinator);
    expect(created.statusCode).toBe(201);
    const p = created.json<{ id: string; documents: { id: string; signer: { email: string } }[] }>();
    ids.push(p.id, ...p.documents.map((d) => d.id));
    await signEverything(h, p);
    expect((await call(coordinator, "POST", `/api/placements/${p.id}/activate`)).statusCode).toBe(200);
    const hours = await call(coordinator, "POST", `/api/placements/${p.id}/hours`, {
      date: "2031-06-20",
      hours: 6,
      note: `${first} shadowed the lab`,
    });
    expect(hours.statusCode).toBe(201);
    ids.push(hours.json().id);
    const [hoursToken] = await linksTo(body.supervisor.email, "hours");
    expect(
      (
        await h.app.inject({
          method: "POST",
          url: `/api/hours/${hoursToken}`,
          payload: { decisions: [{ id: hours.json().id, approve: true }] },
        })
      ).statusCode,
    ).toBe(200);
    expect((await call(coordinator, "POST", `/api/placements/${p.id}/complete`)).statusCode).toBe(200);
    const [evaluationToken] = await linksTo(body.supervisor.email, "evaluate");
    const evaluated = await h.app.inject({
      method: "POST",
      url: `/api/evaluate/${evaluationToken}`,
      payload: { given: true, rating: 5, comments: `${first} ${last} was careful.`, hostAgain: true },
    });
    expect(evaluated.statusCode).toBe(201);
    await call(coordinator, "GET", `/api/placements/${p.id}`);
    await call(INTERMEDIARY, "GET", `/api/placements/${p.id}`);
    expect((await call(coordinator, "GET", `/api/documents/${p.documents[0]!.id}/pdf`)).statusCode).toBe(200);
  }
  await h.jobs.drain();
  return { id, terms: [first, last, `${first} ${last}`, guardianName, guardianEmail, localId], ids };
}

/**
 * Every place the database could hold them: each text, varchar, array, json and jsonb column of
 * every table searched case-insensitively for each term, bytea (signed PDFs, certificate files)
 * as raw bytes and inflated PDF streams, and every uuid column for their record ids. Answers "table.column: term" per hit.
 */
async function findAnywhere(terms: string[], ids: string[]): Promise<string[]> {
  const { rows: columns } = await h.db.db.execute<{ table_name: string; column_name: string; data_type: string }>(sql`
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea', 'uuid', 'USER-DEFINED')`);
  expect(columns.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const c of columns) {
    const column = sql`${sql.identifier(c.table_name)}.${sql.identifier(c.column_name)}`;
    const table = sql.identifier(c.table_name);
    if (c.data_type === "bytea") {
      const { rows } = await h.db.db.execute<{ bytes: Buffer }>(
        sql`SELECT ${column} AS bytes FROM ${table} WHERE ${column} IS NOT NULL`,
      );
      const texts = rows.map((r) => readableText(r.bytes));
      for (const term of terms)
        if (
          texts.some((t) => t.includes(term.toLowerCase()) || t.includes(Buffer.from(term, "latin1").toString("hex")))
        )
          found.push(`${c.table_name}.${c.column_name}: ${term}`);
      continue;
    }
    const probe =
      c.data_type === "uuid"
        ? sql`SELECT t AS term FROM unnest(${sql.param(ids)}::uuid[]) t WHERE EXISTS (SELECT 1 FROM ${table} WHERE ${column} = t)`
        : sql`SELECT t AS term FROM unnest(${sql.param([...terms, ...ids])}::text[]) t WHERE EXISTS (SELECT 1 FROM ${table} WHERE ${column}::text ILIKE '%' || t || '%')`;
    const { rows } = await h.db.db.execute<{ term: string }>(probe);
    for (const r of rows) found.push(`${c.table_name}.${c.column_name}: ${r.term}`);
  }
  return found;
}

/** A file's bytes as searchable lower-case text: the raw bytes plus every compressed PDF stream inflated (text is drawn as <hex> strings). */
function readableText(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const parts = [raw];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a Flate stream (an image, or uncompressed): the raw bytes above cover it.
    }
  }
  return parts.join("\n").toLowerCase();
}

const totals = async () =>
  (await call(INTERMEDIARY, "GET", "/api/reports/placements?groupBy=district,school,sector,kind")).json();

let zephyrine: Seeded;
let thaddeus: Seeded;
let ysolde: Seeded;
let evander: Seeded;
let reportBefore: unknown;

beforeAll(async () => {
  h = await createHarness({ clock });
  expect((await recordInsurance(h, "Valley Medical Center", "2099-12-31")).statusCode).toBe(201);
  zephyrine = await seed("Valley High", "Zephyrine", "Quillfeather", COORD);
  thaddeus = await seed("Eastside High", "Thaddeus", "Bramblewick", COORD);
  ysolde = await seed("Valley High", "Ysolde", "Marchbanks", COORD, false);
  evander = await seed("Riverbend High", "Evander", "Thistlewood", RIVERBEND);
  reportBefore = await totals();
  expect(reportBefore).toMatchObject({ totals: { experiences: 3, students: 3, hours: 18 } });
}, 120_000);
afterAll(() => h.close());

describe("before any erasure", () => {
  it("finds each seeded student in students, placements, documents, emails and audit rows", async () => {
    const found = await findAnywhere(zephyrine.terms, zephyrine.ids);
    for (const where of [
      "students.first_name",
      "students.guardian_email",
      "documents.pdf",
      "documents.signer_email",
      "emails.to",
      "emails.subject",
      "audit_log.details",
      "requests.notes",
      "evaluations.comments",
      "hours_entries.note",
    ]) {
      expect(
        found.some((f) => f.startsWith(`${where}:`)),
        where,
      ).toBe(true);
    }
  }, 60_000);
});

describe("deleting one student", () => {
  it("leaves no table holding their name, guardian, address or ids; others and the report totals untouched", async () => {
    expect((await call(COORD, "DELETE", `/api/students/${thaddeus.id}`)).statusCode).toBe(204);
    expect(await findAnywhere(thaddeus.terms, thaddeus.ids)).toEqual([]);
    expect((await findAnywhere(zephyrine.terms, zephyrine.ids)).length).toBeGreaterThan(10);
    expect(await totals()).toEqual(reportBefore);
    // The audit keeps what was done, by whom and when, under a pseudonym.
    const [deletion] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "delete"), eq(auditLog.entity, "student")));
    expect(deletion).toMatchObject({
      actorUserId: await h.userId(COORD),
      entityId: null,
      details: expect.objectContaining({ students: 1, placements: 1, documents: 4 }),
    });
    expect((deletion!.details as { auditPseudonymized: number }).auditPseudonymized).toBeGreaterThan(8);
  }, 60_000);
});

describe("erasing a district", () => {
  it("is the intermediary's, with the district's exact name typed", async () => {
    const district = await h.orgId("Valley Unified");
    expect(
      (await call(COORD, "POST", `/api/districts/${district}/erase`, { confirm: "Valley Unified" })).statusCode,
    ).toBe(403);
    expect(
      (
        await call("intermediary@coast.example", "POST", `/api/districts/${district}/erase`, {
          confirm: "Valley Unified",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(INTERMEDIARY, "POST", `/api/districts/${await h.orgId("Valley High")}/erase`, {
          confirm: "Valley High",
        })
      ).statusCode,
    ).toBe(404);
    const wrong = await call(INTERMEDIARY, "POST", `/api/districts/${district}/erase`, { confirm: "valley unified" });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      type: "https://bridgework.dev/problems/confirmation-mismatch",
      errors: [{ path: "confirm", message: 'Type "Valley Unified" exactly' }],
    });
    const spanish = await h.app.inject({
      method: "POST",
      url: `/api/districts/${district}/erase`,
      headers: { ...(await h.as(INTERMEDIARY)), "accept-language": "es" },
      payload: { confirm: "" },
    });
    expect(spanish.json().errors).toEqual([{ path: "confirm", message: "Escriba «Valley Unified» exactamente" }]);
    expect((await h.db.db.select().from(students).where(eq(students.id, zephyrine.id))).length).toBe(1);
  });

  it("erases every student of the district in the background; nothing names them after; Riverbend and the totals are untouched", async () => {
    const district = await h.orgId("Valley Unified");
    // A finished export of each district: the erased one's ZIP names its students, so it goes too.
    const exportOf = async (id: string, by: string) => {
      let e = (await call(by, "POST", `/api/districts/${id}/export`)).json();
      for (let i = 0; i < 200 && e.status !== "done"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        e = (await call(by, "GET", `/api/districts/${id}/exports/${e.id}`)).json();
      }
      expect(e.status).toBe("done");
    };
    await exportOf(district, COORD);
    await exportOf(await h.orgId("Riverbend Unified"), RIVERBEND);
    const started = await call(INTERMEDIARY, "POST", `/api/districts/${district}/erase`, { confirm: "Valley Unified" });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ districtId: district, total: 2 });
    let status = started.json();
    for (let i = 0; i < 200 && status.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await call(INTERMEDIARY, "GET", `/api/districts/${district}/erasures/${status.id}`)).json();
    }
    expect(status).toMatchObject({
      status: "done",
      processed: 2,
      counts: { students: 2, placements: 1, documents: 4, reportRowsKept: 1 },
    });
    expect((await call(COORD, "GET", `/api/districts/${district}/erasures/${status.id}`)).statusCode).toBe(403);

    expect(await findAnywhere([...zephyrine.terms, ...ysolde.terms], [...zephyrine.ids, ...ysolde.ids])).toEqual([]);
    expect(await h.db.db.$count(students, eq(students.districtId, district))).toBe(0);
    expect((await call(COORD, "GET", `/api/districts/${district}/exports`)).json()).toEqual([]);
    expect(
      (await call(RIVERBEND, "GET", `/api/districts/${await h.orgId("Riverbend Unified")}/exports`)).json(),
    ).toHaveLength(1);
    // The other district keeps everything.
    const riverbend = await findAnywhere(evander.terms, evander.ids);
    for (const where of ["students.first_name", "documents.pdf", "emails.to", "audit_log.details"])
      expect(
        riverbend.some((f) => f.startsWith(`${where}:`)),
        where,
      ).toBe(true);
    expect(await totals()).toEqual(reportBefore);

    const audits = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "district"), eq(auditLog.entityId, district)));
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ["erase_start", await h.userId(INTERMEDIARY)],
      ["erase", await h.userId(INTERMEDIARY)],
    ]);
    expect(audits[1]!.details).toMatchObject({ students: 2, placements: 1 });
    // Asking again finds nothing left to erase.
    const again = await call(INTERMEDIARY, "POST", `/api/districts/${district}/erase`, { confirm: "Valley Unified" });
    expect(again.json()).toMatchObject({ total: 0 });
  }, 120_000);
});

describe("retention", () => {
  it("is set by the intermediary in whole years (1–50) or cleared", async () => {
    expect((await call(COORD, "PATCH", "/api/region", { studentRetentionYears: 2 })).statusCode).toBe(403);
    expect((await call(INTERMEDIARY, "PATCH", "/api/region", { studentRetentionYears: 0 })).statusCode).toBe(400);
    expect((await call(INTERMEDIARY, "PATCH", "/api/region", { studentRetentionYears: null })).json()).toMatchObject({
      studentRetentionYears: null,
      timeZone: "America/Los_Angeles",
    });
    const set = await call(INTERMEDIARY, "PATCH", "/api/region", { studentRetentionYears: 2 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ studentRetentionYears: 2 });
    expect((await call(COORD, "GET", "/api/region")).json()).toMatchObject({ studentRetentionYears: 2 });
  });

  it("erases students that many years after their last placement ended, once, with the same routine", async () => {
    // Evander's placement ends 2031-07-31: kept two years after that, erased the day after.
    expect(await eraseRetention({ db: h.db.db, now: new Date("2033-07-30T12:00:00Z") })).toBe(0);
    expect(await eraseRetention({ db: h.db.db, now: new Date("2033-08-01T12:00:00Z") })).toBe(1);
    expect(await eraseRetention({ db: h.db.db, now: new Date("2033-08-01T12:00:00Z") })).toBe(0);
    expect(await findAnywhere(evander.terms, evander.ids)).toEqual([]);
    expect(await totals()).toEqual(reportBefore);
    const [sweepAudit] = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "erase"), eq(auditLog.entity, "student")));
    expect(sweepAudit).toMatchObject({
      actorUserId: null,
      details: expect.objectContaining({ students: 1, sweep: "erase-retention" }),
    });
  }, 60_000);
});
