import { type DbOrTx, districtExports, users } from "@bridgework/db";
import { type DistrictExport, NotFound, type PersonActor, requireRole } from "@bridgework/domain";
import { and, desc, eq } from "drizzle-orm";
import { findOrganizationInRegion } from "../../lib/queries/organizations.ts";

/** Who may export a district: its own coordinators, and the intermediaries of its region. */
export const EXPORT_ROLES = ["coordinator", "intermediary"] as const;

/**
 * The district, if the caller may export it: a coordinator their own district only, an
 * intermediary any district of their region. Other roles are 403; any other id is 404.
 */
export async function exportableDistrict(db: DbOrTx, actor: PersonActor, districtId: string) {
  requireRole(actor, EXPORT_ROLES);
  if (actor.role === "coordinator" && districtId !== actor.organizationId) throw new NotFound("district");
  return findOrganizationInRegion(db, actor.regionId, districtId, "district");
}

/** Every column but the archive's bytes, with the requester's name. */
export function selectExports(db: DbOrTx) {
  return db
    .select({
      id: districtExports.id,
      districtId: districtExports.districtId,
      status: districtExports.status,
      step: districtExports.step,
      progress: districtExports.progress,
      requestedById: districtExports.requestedBy,
      requestedByName: users.name,
      createdAt: districtExports.createdAt,
      finishedAt: districtExports.finishedAt,
      expiresAt: districtExports.expiresAt,
      size: districtExports.size,
      fileName: districtExports.fileName,
    })
    .from(districtExports)
    .innerJoin(users, eq(users.id, districtExports.requestedBy));
}

type ExportRow = Awaited<ReturnType<ReturnType<typeof selectExports>["where"]>>[number];

export function toDistrictExport(row: ExportRow): DistrictExport {
  return {
    id: row.id,
    districtId: row.districtId,
    status: row.status,
    step: row.step,
    progress: row.progress,
    requestedBy: { id: row.requestedById, name: row.requestedByName },
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    size: row.size,
    fileName: row.fileName,
  };
}

/** One export of the district; another district's (or a missing) id is 404. */
export async function findExport(db: DbOrTx, districtId: string, exportId: string): Promise<DistrictExport> {
  const [row] = await selectExports(db).where(
    and(eq(districtExports.id, exportId), eq(districtExports.districtId, districtId)),
  );
  if (!row) throw new NotFound("resource");
  return toDistrictExport(row);
}

export async function recentExports(db: DbOrTx, districtId: string, limit = 20): Promise<DistrictExport[]> {
  const rows = await selectExports(db)
    .where(eq(districtExports.districtId, districtId))
    .orderBy(desc(districtExports.createdAt), desc(districtExports.id))
    .limit(limit);
  return rows.map(toDistrictExport);
}
