import { type Db, districtExports, organizations, regions, users } from "@bridgework/db";
import { DISTRICT_EXPORT_KEEP_DAYS, type DistrictExportStep } from "@bridgework/domain";
import { type JobOutcome, queueEmail } from "@bridgework/jobs";
import { createLinks, districtExportReadyMessage } from "@bridgework/notifications";
import { createHash } from "node:crypto";
import { utc } from "@date-fns/utc";
import { addDays, subDays } from "date-fns";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { createArchive, toCsv, toJson } from "./export-archive.ts";
import { FILE_DESCRIPTIONS, type Manifest, type ManifestFile, readme } from "./export-readme.ts";
import {
  COLUMNS,
  districtAudit,
  districtDocuments,
  districtEvaluations,
  districtHours,
  districtPlacements,
  districtStudents,
  documentPdfs,
  type Row,
} from "./export-tables.ts";

/** A run that has not reported progress for this long died (worker killed); another may take it over. */
const STALE_AFTER_MS = 10 * 60_000;
/** Signed PDFs are read this many at a time, so one query never holds every PDF of a district. */
const PDF_BATCH = 100;

export interface ExportDeps {
  db: Db;
  now: () => Date;
  /** The SPA's address, for the link in the "your export is ready" email (no email without it). */
  publicUrl?: string;
}

/** "riverbend-unified" from "Riverbend Unified". */
export const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "district";

/** The calendar day (YYYY-MM-DD) in the region's zone: a file made at 6 PM in California is dated that day. */
export const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

/**
 * Builds one district export into its ZIP and stores it in the row; emails the requester when it
 * is ready. Safe to run twice: it claims the row (queued, or running but silent for 10 minutes),
 * so a second job for the same export finds it taken or done and skips. A failed attempt puts the
 * row back in the queue, the last one marks it failed.
 */
export async function runDistrictExport(
  deps: ExportDeps,
  exportId: string,
  finalAttempt: boolean,
): Promise<JobOutcome> {
  const { db, now } = deps;
  const [claimed] = await db
    .update(districtExports)
    .set({ status: "running", step: "students", progress: 1, startedAt: now(), error: null })
    .where(
      and(
        eq(districtExports.id, exportId),
        or(
          eq(districtExports.status, "queued"),
          and(
            eq(districtExports.status, "running"),
            lt(districtExports.updatedAt, new Date(now().getTime() - STALE_AFTER_MS)),
          ),
        ),
      ),
    )
    .returning({
      id: districtExports.id,
      districtId: districtExports.districtId,
      regionId: districtExports.regionId,
      requestedBy: districtExports.requestedBy,
    });
  if (!claimed) return "skipped";
  try {
    await build(deps, claimed);
    return "done";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(districtExports)
      .set(
        finalAttempt
          ? { status: "failed", error: message.slice(0, 2000), finishedAt: now() }
          : { status: "queued", step: "queued", progress: 0 },
      )
      .where(eq(districtExports.id, exportId));
    throw error;
  }
}

async function build(deps: ExportDeps, job: { id: string; districtId: string; regionId: string; requestedBy: string }) {
  const { db, now } = deps;
  const progress = (step: DistrictExportStep, percent: number) =>
    db
      .update(districtExports)
      .set({ step, progress: percent })
      .where(and(eq(districtExports.id, job.id), eq(districtExports.status, "running")));
  const [place] = await db
    .select({ districtName: organizations.name, regionName: regions.name, timeZone: regions.timeZone })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(organizations.id, job.districtId));
  if (!place) throw new Error(`district ${job.districtId} is missing`);
  const started = now();
  const archive = createArchive(started);
  const files: ManifestFile[] = [];
  const addTable = (name: keyof typeof COLUMNS, rows: Row[]) => {
    archive.addText(`${name}.csv`, toCsv(rows, COLUMNS[name]));
    archive.addText(`${name}.json`, toJson(rows, COLUMNS[name]));
    files.push(
      { name: `${name}.csv`, rows: rows.length, description: FILE_DESCRIPTIONS[name]! },
      { name: `${name}.json`, rows: rows.length, description: "The same rows as JSON." },
    );
  };

  const studentRows = await districtStudents(db, job.districtId);
  addTable("students", studentRows);
  await progress("placements", 10);
  const placementRows = await districtPlacements(db, job.districtId);
  addTable("placements", placementRows);
  await progress("documents", 20);
  const documentRows = await districtDocuments(db, job.districtId);
  const withPdf = documentRows.filter((d) => d.hasPdf);
  const pdfName = (d: Row) => `documents/${String(d.id)}-${String(d.kind)}-${String(d.signerRole)}.pdf`;
  addTable(
    "documents",
    documentRows.map(({ hasPdf, ...d }) => ({ ...d, pdfFile: hasPdf ? pdfName(d) : null })),
  );
  const names = new Map(withPdf.map((d) => [String(d.id), pdfName(d)]));
  for (let i = 0; i < withPdf.length; i += PDF_BATCH) {
    for (const { id, pdf } of await documentPdfs(
      db,
      withPdf.slice(i, i + PDF_BATCH).map((d) => String(d.id)),
    ))
      archive.addBinary(names.get(id)!, pdf);
    // Documents are the heavy part: 20 → 70 as their PDFs are read.
    await progress("documents", 20 + Math.round((50 * Math.min(i + PDF_BATCH, withPdf.length)) / withPdf.length));
  }
  await progress("hours", 72);
  addTable("hours", await districtHours(db, job.districtId));
  await progress("evaluations", 78);
  addTable("evaluations", await districtEvaluations(db, job.districtId));
  await progress("audit", 82);
  const ids = (rows: Row[]) => rows.map((r) => String(r.id));
  addTable(
    "audit",
    await districtAudit(db, job.districtId, {
      students: ids(studentRows),
      placements: ids(placementRows),
      documents: ids(documentRows),
    }),
  );
  await progress("packing", 92);

  const manifest: Manifest = {
    format: "bridgework-district-export",
    version: 1,
    district: { id: job.districtId, name: place.districtName },
    region: { id: job.regionId, name: place.regionName, timeZone: place.timeZone },
    generatedAt: started.toISOString(),
    times: "ISO 8601, UTC",
    files: [
      ...files,
      ...withPdf.map((d) => ({
        name: names.get(String(d.id))!,
        rows: 1,
        description: "A signed document, as signed.",
      })),
    ],
    signedPdfs: withPdf.length,
  };
  archive.addText("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  archive.addText("README.txt", readme({ ...manifest, files }));
  const zip = archive.finish();
  const fileName = `district-export-${slugOf(place.districtName)}-${dayIn(started, place.timeZone)}.zip`;
  const finishedAt = now();
  const expiresAt = new Date(addDays(finishedAt, DISTRICT_EXPORT_KEEP_DAYS, { in: utc }).getTime());
  const counts = Object.fromEntries(files.filter((f) => f.name.endsWith(".csv")).map((f) => [f.name, f.rows]));
  counts["documents/*.pdf"] = withPdf.length;

  await db.transaction(async (tx) => {
    const [stored] = await tx
      .update(districtExports)
      .set({
        status: "done",
        step: "done",
        progress: 100,
        content: zip,
        size: zip.length,
        sha256: createHash("sha256").update(zip).digest("hex"),
        fileName,
        counts,
        finishedAt,
        expiresAt,
      })
      .where(and(eq(districtExports.id, job.id), eq(districtExports.status, "running")))
      .returning({ id: districtExports.id });
    if (!stored || !deps.publicUrl) return;
    const [person] = await tx
      .select({ name: users.name, email: users.email, language: users.language })
      .from(users)
      .where(eq(users.id, job.requestedBy));
    if (!person) return;
    const message = await districtExportReadyMessage({
      recipient: person,
      timeZone: place.timeZone,
      district: place.districtName,
      expiresAt,
      link: createLinks(deps.publicUrl).districtData(job.districtId),
    });
    await queueEmail(tx, {
      dedupeKey: `district-export:${job.id}:ready`,
      regionId: job.regionId,
      to: person.email,
      ...message,
    });
  });
}

/** Deletes exports whose download window has passed (and any that never finished within it). */
export async function expireDistrictExports({ db, now }: { db: Db; now: Date }): Promise<number> {
  const abandoned = new Date(subDays(now, DISTRICT_EXPORT_KEEP_DAYS, { in: utc }).getTime());
  const gone = await db
    .delete(districtExports)
    // A finished export lives until its own expiresAt; only one that never finished goes by age.
    .where(
      or(
        lt(districtExports.expiresAt, now),
        and(isNull(districtExports.expiresAt), lt(districtExports.createdAt, abandoned)),
      ),
    )
    .returning({ id: districtExports.id });
  return gone.length;
}
