import {
  ageOn,
  type Kind,
  type OpportunityListQuery,
  parseSearch,
  PLACEMENT_KINDS,
  type PersonActor,
} from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import { type CatalogDoc, docJson } from "../../lib/catalog/catalog-doc.ts";
import type { Catalog } from "../../lib/catalog/catalog.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";

const PLACEABLE = new Set<Kind>(PLACEMENT_KINDS);

/**
 * The opportunities list from the in-memory catalog, as JSON: what the person may see,
 * filtered; with `q`, the catalog search (word starts, one-letter typos, `"phrases"`, `or`,
 * `-word`; `@bridgework/domain` catalog-search) best first, ties newest first; without, newest
 * first. Same filters and scope as the SQL it replaced, which the oracle test keeps
 * (search-catalog.oracle.test.ts). `sort=employer` (type-ahead choosers) stays in SQL.
 */
export async function searchCatalog({
  ctx,
  catalog,
  input,
}: {
  ctx: Ctx;
  catalog: Catalog;
  input: OpportunityListQuery;
}): Promise<string> {
  const minAgeAtMost = input.studentId ? await studentAge(ctx, input.studentId, input.on) : null;
  const region = await catalog.region(ctx.actor.regionId);
  const keep = filterFor(ctx.actor, input, minAgeAtMost, Date.now());
  const found = region.ranked(parseSearch(input.q ?? ""), keep);
  const from = (input.page - 1) * input.pageSize;
  const items = found.slice(from, from + input.pageSize).map(docJson);
  return `{"items":[${items.join(",")}],"total":${found.length},"page":${input.page},"pageSize":${input.pageSize}}`;
}

/** Which opportunities a person sees (as `visibleOpportunities` says in SQL) and the list's filters. */
function filterFor(
  actor: PersonActor,
  input: OpportunityListQuery,
  minAgeAtMost: number | null,
  now: number,
): (doc: CatalogDoc) => boolean {
  return ({ row, endsAtMs }) =>
    (actor.role === "employer"
      ? row.employerId === actor.organizationId
      : actor.role === "coordinator"
        ? row.status !== "draft"
        : actor.role === "teacher"
          ? row.status === "published"
          : true) &&
    (!input.kind || row.kind === input.kind) &&
    (!input.level || row.level === input.level) &&
    (!input.sector || row.sector === input.sector) &&
    (!input.modality || row.modality === input.modality) &&
    (!input.status || row.status === input.status) &&
    (!input.employerId || row.employerId === input.employerId) &&
    (!input.forPlacement ||
      (PLACEABLE.has(row.kind) &&
        row.status === "published" &&
        row.capacity > row.seatsTaken &&
        (endsAtMs === null || endsAtMs >= now))) &&
    (minAgeAtMost === null || row.minAge === null || row.minAge <= minAgeAtMost);
}

/** The student's age on `on` (today by default); the student must be visible, and reading the birth date is audited. */
async function studentAge(ctx: Ctx, studentId: string, on: string | undefined): Promise<number> {
  const { student } = await findVisibleStudent(ctx.db, ctx.actor, studentId);
  await audit(ctx.db, ctx.actor, "read", "student", studentId, { purpose: "opportunities-for-student" });
  return ageOn(student.birthDate, on ?? new Date().toISOString().slice(0, 10));
}
