import { auditLog, districtExports, documents, emails, organizations } from "@bridgework/db";
import { createBullmqDriver } from "@bridgework/jobs";
import { parse } from "csv-parse/sync";
import { and, eq, isNotNull } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../../../../../test/support/eventually.ts";
import { deleteQueueKeys, redisUrl, uniqueQueuePrefix } from "../../../../../test/support/redis.ts";
import { createHarness, type Harness } from "../../../test/harness.ts";
import {
  createPlacement,
  insertOpportunity,
  insertStudent,
  placementBody,
  signEverything,
  type StudentFixture,
} from "../../../test/fixtures/placement.fixtures.ts";

const COORD = "coordinator@valley.example";
const RIVERBEND_COORD = "coordinator@riverbend.example";
const INTERMEDIARY = "intermediary@valley.example";
const COAST_INTERMEDIARY = "intermediary@coast.example";

const prefix = uniqueQueuePrefix();
let h: Harness;
let valleyUnified: string;
let riverbend: string;
let coastUnified: string;
let ana: StudentFixture;
let sneaky: StudentFixture;
let river: StudentFixture;

async function call(email: string, method: "GET" | "POST", url: string) {
  return h.app.inject({ method, url, headers: await h.as(email) });
}

/** Starts an export and waits, through the job driver, until it is done; returns its final state. */
async function exportDistrict(email: string, districtId: string) {
  const started = await call(email, "POST", `/api/districts/${districtId}/export`);
  expect(started.statusCode).toBe(202);
  const id = started.json<{ id: string }>().id;
  const seen = new Set<number>();
  const final = await eventually(
    async () => {
      const res = await call(email, "GET", `/api/districts/${districtId}/exports/${id}`);
      const body = res.json<{ status: string; progress: number }>();
      seen.add(body.progress);
      return body.status === "done" || body.status === "failed" ? body : undefined;
    },
    30_000,
    "the export to finish",
  );
  return {
    id,
    final: final as {
      status: string;
      progress: number;
      step: string;
      size: number;
      fileName: string;
      finishedAt: string;
    },
    seen,
  };
}

async function download(email: string, districtId: string, id: string) {
  return h.app.inject({
    method: "GET",
    url: `/api/districts/${districtId}/exports/${id}/download`,
    headers: await h.as(email),
  });
}

const csv = (files: Record<string, Uint8Array>, name: string) =>
  parse(strFromU8(files[name]!), { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  // The real queue: BullMQ on Redis, consumed in this process as a worker would.
  h = await createHarness({ driver: createBullmqDriver({ url: redisUrl(), prefix, backoffMs: 20 }) });
  valleyUnified = await h.orgId("Valley Unified");
  riverbend = await h.orgId("Riverbend Unified");
  coastUnified = await h.orgId("Coast Unified");
  ana = await insertStudent(h, { firstName: "Ana", lastName: "Lopez", guardianName: "Maria Lopez" });
  sneaky = await insertStudent(h, {
    school: "Eastside High",
    firstName: '=HYPERLINK("http://evil.example")',
    lastName: "-2+3+cmd|' /C calc'!A0",
  });
  river = await insertStudent(h, { school: "Riverbend High", firstName: "Rio", lastName: "Otherdistrict" });
  const opportunity = await insertOpportunity(h);
  const created = await createPlacement(h, placementBody(ana.id, opportunity));
  expect(created.statusCode).toBe(201);
  await h.jobs.drain();
  await signEverything(h, created.json());
  await h.jobs.drain();
  // Riverbend's coordinator reads their student: an audit row that must not reach Valley's export.
  expect((await call(RIVERBEND_COORD, "GET", `/api/students/${river.id}`)).statusCode).toBe(200);
  // The intermediary reads Ana: the district's export shows reads by whoever made them.
  expect((await call(INTERMEDIARY, "GET", `/api/students/${ana.id}`)).statusCode).toBe(200);
}, 60_000);
afterAll(async () => {
  await h.close();
  await deleteQueueKeys(prefix);
});

describe("who may export a district", () => {
  it("refuses teachers and employers (403) and answers 404 for another district or region", async () => {
    for (const email of ["teacher@valley.example", "employer@valley.example"]) {
      expect((await call(email, "POST", `/api/districts/${valleyUnified}/export`)).statusCode).toBe(403);
      expect((await call(email, "GET", `/api/districts/${valleyUnified}/exports`)).statusCode).toBe(403);
    }
    expect((await call(COORD, "POST", `/api/districts/${riverbend}/export`)).statusCode).toBe(404);
    expect((await call(COORD, "GET", `/api/districts/${riverbend}/exports`)).statusCode).toBe(404);
    expect((await call(INTERMEDIARY, "POST", `/api/districts/${coastUnified}/export`)).statusCode).toBe(404);
    expect((await call(COAST_INTERMEDIARY, "GET", `/api/districts/${valleyUnified}/exports`)).statusCode).toBe(404);
    // A school is not a district.
    expect((await call(INTERMEDIARY, "POST", `/api/districts/${await h.orgId("Valley High")}/export`)).statusCode).toBe(
      404,
    );
    expect((await h.app.inject({ method: "POST", url: `/api/districts/${valleyUnified}/export` })).statusCode).toBe(
      401,
    );
    expect(await h.db.db.select().from(districtExports)).toHaveLength(0);
  });
});

describe("a district export", () => {
  let files: Record<string, Uint8Array>;
  let exportId: string;

  beforeAll(async () => {
    const { id, final, seen } = await exportDistrict(COORD, valleyUnified);
    exportId = id;
    expect(final).toMatchObject({ status: "done", progress: 100, step: "done" });
    expect(final.fileName).toMatch(/^district-export-valley-unified-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(Math.max(...seen)).toBe(100);
    const res = await download(COORD, valleyUnified, id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${final.fileName}"`);
    expect(res.rawPayload.length).toBe(final.size);
    files = unzipSync(new Uint8Array(res.rawPayload));
  }, 60_000);

  it("opens as a ZIP with a README, a manifest and a CSV + JSON pair per table", () => {
    for (const table of ["students", "placements", "documents", "hours", "evaluations", "audit"]) {
      expect(Object.keys(files)).toEqual(expect.arrayContaining([`${table}.csv`, `${table}.json`]));
    }
    expect(strFromU8(files["README.txt"]!)).toContain("Valley Unified");
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
      district: { name: string };
      files: { name: string; rows: number }[];
    };
    expect(manifest.district.name).toBe("Valley Unified");
    expect(manifest.files.find((f) => f.name === "students.csv")?.rows).toBe(2);
    // Every file the manifest lists is in the archive.
    for (const f of manifest.files) expect(files[f.name], f.name).toBeDefined();
  });

  it("holds the district's students with guardian and demographics, and not another district's", () => {
    const rows = csv(files, "students.csv");
    expect(rows.map((r) => r.id).sort()).toEqual([ana.id, sneaky.id].sort());
    expect(rows.find((r) => r.id === ana.id)).toMatchObject({
      firstName: "Ana",
      lastName: "Lopez",
      guardianName: "Maria Lopez",
      guardianEmail: ana.guardianEmail,
      schoolName: "Valley High",
    });
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        "gender",
        "raceEthnicity",
        "englishLearner",
        "disability",
        "lowIncome",
        "birthDate",
        "ssid",
      ]),
    );
    const json = JSON.parse(strFromU8(files["students.json"]!)) as Array<{ id: string }>;
    expect(json.map((s) => s.id).sort()).toEqual([ana.id, sneaky.id].sort());
    for (const name of Object.keys(files)) expect(strFromU8(files[name]!), name).not.toContain("Otherdistrict");
  });

  it("writes formula-like text as text", () => {
    const row = csv(files, "students.csv").find((r) => r.id === sneaky.id)!;
    expect(row.firstName).toBe('\'=HYPERLINK("http://evil.example")');
    expect(row.lastName).toBe("'-2+3+cmd|' /C calc'!A0");
  });

  it("includes the placement, its documents and their signed PDFs byte for byte", async () => {
    const placements = csv(files, "placements.csv");
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ studentId: ana.id, employerName: "Valley Medical Center" });
    const docs = csv(files, "documents.csv");
    const signed = await h.db.db
      .select({ id: documents.id, pdf: documents.pdf })
      .from(documents)
      .where(isNotNull(documents.pdf));
    expect(signed.length).toBeGreaterThan(0);
    expect(docs).toHaveLength(signed.length);
    for (const { id, pdf } of signed) {
      const row = docs.find((d) => d.id === id)!;
      expect(row.status).toBe("signed");
      expect(row.pdfFile).toMatch(/^documents\/.+\.pdf$/);
      expect(Buffer.from(files[row.pdfFile!]!).equals(pdf!)).toBe(true);
    }
  });

  it("includes the audit trail of the students' records, whoever wrote it, and no other district's", () => {
    const audit = csv(files, "audit.csv");
    expect(audit.some((a) => a.entityId === ana.id && a.action === "read" && a.actorRole === "intermediary")).toBe(
      true,
    );
    expect(audit.some((a) => a.entity === "placement" && a.action === "create")).toBe(true);
    expect(audit.some((a) => a.entity === "district_export" && a.action === "export_start")).toBe(true);
    expect(audit.some((a) => a.entityId === river.id)).toBe(false);
  });

  it("audits every download and emails the requester that it is ready", async () => {
    await download(COORD, valleyUnified, exportId);
    const downloads = await h.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "download"), eq(auditLog.entityId, exportId)));
    expect(downloads).toHaveLength(2);
    const [mail] = await h.db.db
      .select()
      .from(emails)
      .where(eq(emails.dedupeKey, `district-export:${exportId}:ready`));
    expect(mail).toMatchObject({ to: COORD });
    expect(mail!.subject).toContain("Valley Unified");
    expect(mail!.text).toContain(`/district-data?district=${valleyUnified}`);
  });

  it("lists the district's recent exports to the intermediary, and lets them download it", async () => {
    const list = await call(INTERMEDIARY, "GET", `/api/districts/${valleyUnified}/exports`);
    expect(list.statusCode).toBe(200);
    expect(list.headers["cache-control"]).toBe("no-store");
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: exportId,
        status: "done",
        requestedBy: expect.objectContaining({ name: "Carlos Mendoza" }),
      }),
    ]);
    expect((await download(INTERMEDIARY, valleyUnified, exportId)).statusCode).toBe(200);
    // Another district's coordinator cannot reach it, even with its id.
    expect((await download(RIVERBEND_COORD, valleyUnified, exportId)).statusCode).toBe(404);
    expect((await call(RIVERBEND_COORD, "GET", `/api/districts/${riverbend}/exports/${exportId}`)).statusCode).toBe(
      404,
    );
    expect((await download(RIVERBEND_COORD, riverbend, exportId)).statusCode).toBe(404);
  });

  it("is deleted by the expiry sweep once its days are up", async () => {
    const [row] = await h.db.db
      .select({ expiresAt: districtExports.expiresAt })
      .from(districtExports)
      .where(eq(districtExports.id, exportId));
    // The job runtime's sweep run, as the scheduler starts it.
    expect((await h.jobs.runSweeps(new Date(row!.expiresAt!.getTime() - 1000)))["expire-district-exports"]).toBe(0);
    expect((await h.jobs.runSweeps(new Date(row!.expiresAt!.getTime() + 1000)))["expire-district-exports"]).toBe(1);
    expect((await download(COORD, valleyUnified, exportId)).statusCode).toBe(404);
  });
});

describe("an export not finished yet", () => {
  it("answers 409 to a download and the same export to a second start", async () => {
    // A row with no job: the export waits, as when every worker is busy.
    const [row] = await h.db.db
      .insert(districtExports)
      .values({
        regionId: await regionOf(riverbend),
        districtId: riverbend,
        requestedBy: await h.userId(RIVERBEND_COORD),
      })
      .returning();
    const res = await download(RIVERBEND_COORD, riverbend, row!.id);
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const again = await call(RIVERBEND_COORD, "POST", `/api/districts/${riverbend}/export`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(row!.id);
  });
});

async function regionOf(orgId: string) {
  const [org] = await h.db.db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return org!.regionId;
}
