import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  createDatabase,
  type Database,
  insuranceCertificateFiles,
  insuranceCertificates,
  migrateDatabase,
} from "@bridgework/db";
import { seedDemo } from "@bridgework/db/seed";
import { createInlineDriver } from "@bridgework/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../apps/api/src/app.ts";
import { loadConfig } from "../apps/api/src/config.ts";
import type { App } from "../apps/api/src/lib/app-types.ts";
import { Fixtures } from "../apps/api/test/fixtures/report-fixtures.ts";
import { createHarness, DEMO_PASSWORD, type Harness, TEST_JWT_SECRET } from "../apps/api/test/harness.ts";
import { withAdmin } from "./support/database.ts";

/**
 * docs/operations.md "Backups and restore", done for real: a populated database is dumped with
 * `pg_dump -Fc`, restored with `pg_restore` into a fresh empty database, and the restored one
 * gives the same report totals through the real routes, the same rows in every table, and
 * needs no migration.
 */

const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), "bw-backup-"));
let h: Harness;
let restored: Database & { url: string; name: string };
let restoredApp: App;
const YEAR = "from=2025-07-01&to=2026-06-30";

/** The major version of a pg_dump or pg_restore binary ("pg_dump (PostgreSQL) 15.20 …" → 15). */
async function majorOf(binary: string): Promise<number> {
  const { stdout } = await run(binary, ["--version"]);
  return Number(/\(PostgreSQL\) (\d+)/.exec(stdout)?.[1] ?? 0);
}

/**
 * `pg_dump`/`pg_restore` from PATH or a Debian/Ubuntu /usr/lib/postgresql/<major>/bin, whichever
 * is at least the server's major version (an older pg_dump refuses a newer server).
 */
async function clientBinary(name: "pg_dump" | "pg_restore", serverMajor: number): Promise<string> {
  const candidates = [
    ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, name)),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql").map((v) => path.join("/usr/lib/postgresql", v, "bin", name))
      : []),
  ].filter((file) => existsSync(file) && statSync(file).isFile());
  const found: string[] = [];
  for (const file of new Set(candidates)) {
    const major = await majorOf(file);
    found.push(`${file} (${major})`);
    if (major >= serverMajor) return file;
  }
  throw new Error(
    `No ${name} for PostgreSQL ${serverMajor} or newer (found: ${found.join(", ") || "none"}). Install the PostgreSQL client tools ` +
      `(Debian: apt-get install postgresql-client-${serverMajor}) so this backup test can run.`,
  );
}

/** Rows and a checksum of every row's text, per table of every schema we own (drizzle's migration log included). */
async function tableFingerprints(database: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const { rows: tables } = await database.pool.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const { rows } = await database.pool.query<{ rows: number; md5: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${name} t`,
    );
    out[name] = { rows: rows[0]!.rows, md5: rows[0]!.md5 ?? "" };
  }
  return out;
}

beforeAll(async () => {
  // The demo region with its history, plus completed engagements and placements with approved
  // hours in one school year, so every report has something to total.
  h = await createHarness({ seed: false });
  await seedDemo(h.db.db);
  const f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const speak = await f.opportunity("Valley Medical Center", "guest_speaker", health);
  const intern = await f.opportunity("Valley Medical Center", "internship", health);
  const tour = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
  await f.completedMatch("Valley High", speak, "2025-10-01T10:00:00Z", 25, {
    seats: 30,
    pathwayId: await f.pathway("Health Science"),
  });
  await f.completedMatch("Eastside High", tour, "2026-03-02T20:00:00Z", 12, { seats: 15 });
  const student = await f.student("Valley High");
  await f.placement(student, intern, "2025-11-15T18:00:00Z", {
    hours: [
      [5, "approved"],
      [3, "approved"],
    ],
  });
  await f.placement(await f.student("Eastside High", { grade: 10 }), intern, "2026-02-01T18:00:00Z", {
    hours: [[6, "approved"]],
  });
  // An uploaded insurance certificate: uploads are bytea in PostgreSQL, so they are in the dump.
  const employer = await f.org("Valley Medical Center");
  const [certificate] = await h.db.db
    .insert(insuranceCertificates)
    .values({
      regionId: employer.regionId,
      employerId: employer.id,
      carrier: "Valley Mutual",
      policyNumber: "VM-1",
      coverageAmount: 1_000_000,
      expiresOn: "2027-06-30",
    })
    .returning();
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(64 * 1024)]);
  await h.db.db.insert(insuranceCertificateFiles).values({
    certificateId: certificate!.id,
    regionId: employer.regionId,
    fileName: "certificate.pdf",
    contentType: "application/pdf",
    size: pdf.length,
    sha256: createHash("sha256").update(pdf).digest("hex"),
    content: pdf,
  });
}, 180_000);

afterAll(async () => {
  await restoredApp?.close();
  await restored?.close();
  if (restored) await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${restored.name}" WITH (FORCE)`));
  await h?.close();
  rmSync(work, { recursive: true, force: true });
});

async function reports(app: App, token: string) {
  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url, headers: { authorization: token } });
    expect(res.statusCode, url).toBe(200);
    return res.json() as Record<string, unknown>;
  };
  return {
    placements: await get(`/api/reports/placements?${YEAR}`),
    bySchool: await get(`/api/reports/placements?${YEAR}&groupBy=school`),
    unmetDemand: await get(`/api/reports/unmet-demand?${YEAR}`),
    employers: await get("/api/reports/employers?schoolYear=2025-2026"),
  };
}

async function login(app: App): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: "intermediary@valley.example", password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return `Bearer ${(res.json() as { accessToken: string }).accessToken}`;
}

describe("backup with pg_dump and restore with pg_restore", () => {
  it("restores into a fresh database with the same report totals, the same rows in every table, and no migration to run", {
    timeout: 120_000,
  }, async () => {
    const { rows } = await h.db.pool.query<{ major: number }>(
      "SELECT current_setting('server_version_num')::int / 10000 AS major",
    );
    const serverMajor = rows[0]!.major;
    const pgDump = await clientBinary("pg_dump", serverMajor);
    const pgRestore = await clientBinary("pg_restore", serverMajor);

    // The backup, as docs/operations.md says to take it: custom format, compressed, one file.
    const file = path.join(work, "bridgework.dump");
    await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${h.db.url}`]);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // The restore: a fresh, empty database (template0: nothing in it but PostgreSQL's own catalog).
    const name = `bw_restored_${randomBytes(6).toString("hex")}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
    const url = new URL(h.db.url);
    url.pathname = `/${name}`;
    restored = { ...createDatabase(url.toString()), url: url.toString(), name };
    await run(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${url}`, file]);

    const before = await tableFingerprints(h.db);
    const after = await tableFingerprints(restored);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(after).toEqual(before);

    // Migrations see it as up to date: running them changes nothing.
    await migrateDatabase(restored.db);
    expect(await tableFingerprints(restored)).toEqual(before);

    // The same JWT secret: the API on the restored database answers the same reports, and a
    // token issued before the restore still works there (losing the secret would log everyone out).
    restoredApp = await buildApp({
      config: { ...loadConfig({ JWT_SECRET: TEST_JWT_SECRET }), webDist: null },
      db: restored.db,
      driver: createInlineDriver(),
    });
    const token = await login(h.app);
    const original = await reports(h.app, token);
    const fromBackup = await reports(restoredApp, token);
    expect(fromBackup).toEqual(original);
    const totals = (
      original.placements as { totals: { experiences: number; students: number; seats: number; hours: number } }
    ).totals;
    expect(totals.experiences).toBeGreaterThan(0);
    expect(totals.students).toBeGreaterThan(0);
    expect(totals.hours).toBeGreaterThan(0);
    expect(
      (
        await restoredApp.inject({
          method: "GET",
          url: "/api/me",
          headers: { authorization: await login(restoredApp) },
        })
      ).statusCode,
    ).toBe(200);
    // The uploaded file came back byte for byte (its stored SHA-256 still matches its content).
    const upload = await restored.pool.query<{ ok: boolean }>(
      "SELECT encode(sha256(content), 'hex') = sha256 AND size = length(content) AS ok FROM insurance_certificate_files",
    );
    expect(upload.rows).toEqual([{ ok: true }]);
    console.log(
      `backup/restore: ${statSync(file).size} bytes dumped with ${path.basename(pgDump)} ${await majorOf(pgDump)}; ` +
        `${Object.values(after).reduce((n, t) => n + t.rows, 0)} rows in ${Object.keys(after).length} tables restored; placement totals ${JSON.stringify(totals)}`,
    );
  });
});
