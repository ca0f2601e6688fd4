import { type DbOrTx, organizations, pathways, requests, users } from "@bridgework/db";
import { NotFound, type PersonActor, type Sector, type WblRequest } from "@bridgework/domain";
import { and, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

export type RequestRow = typeof requests.$inferSelect;
const school = alias(organizations, "school");

export function selectRequests(db: DbOrTx) {
  return db
    .select({
      request: requests,
      schoolName: school.name,
      schoolCity: school.city,
      pathwayName: pathways.name,
      requestedByName: users.name,
    })
    .from(requests)
    .innerJoin(school, eq(school.id, requests.schoolId))
    .innerJoin(users, eq(users.id, requests.createdBy))
    .leftJoin(pathways, eq(pathways.id, requests.pathwayId));
}

export type RequestWithNames = {
  request: RequestRow;
  schoolName: string;
  schoolCity: string | null;
  pathwayName: string | null;
  requestedByName: string;
};

export function toRequest(row: RequestWithNames): WblRequest {
  const r = row.request;
  return {
    id: r.id,
    kind: r.kind,
    level: r.level,
    sector: r.sector as Sector,
    pathwayId: r.pathwayId,
    pathwayName: row.pathwayName,
    schoolId: r.schoolId,
    schoolName: row.schoolName,
    requestedBy: { id: r.createdBy, name: row.requestedByName },
    students: r.students,
    gradeLevels: r.gradeLevels,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    modality: r.modality,
    notes: r.notes,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Which requests a person sees: intermediaries the region, coordinators their district,
 * teachers their school. Employers see requests only through matches sent to them.
 */
export function visibleRequests(actor: PersonActor): SQL {
  return visibleRequestsFor(actor.role, actor.regionId, actor.organizationId);
}

/** `visibleRequests` for a role, the region and organization given as values or as placeholders (prepared statements). */
export function visibleRequestsFor(
  role: PersonActor["role"],
  regionId: string | Placeholder,
  organizationId: string | Placeholder,
): SQL {
  const region = eq(requests.regionId, regionId);
  switch (role) {
    case "intermediary":
      return region;
    case "coordinator":
      return and(region, eq(requests.districtId, organizationId))!;
    case "teacher":
      return and(region, eq(requests.schoolId, organizationId))!;
    case "employer":
      return sql`false`;
  }
}

/** One request the person may see (locked FOR UPDATE when `lock`), else 404. */
export async function findVisibleRequest(db: DbOrTx, actor: PersonActor, id: string, lock = false) {
  const query = selectRequests(db).where(and(eq(requests.id, id), visibleRequests(actor)));
  const [row] = lock ? await query.for("update", { of: requests }) : await query;
  if (!row) throw new NotFound("request");
  return row;
}
