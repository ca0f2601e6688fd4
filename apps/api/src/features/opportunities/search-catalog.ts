import {
  ageOn,
  OPPORTUNITY_STATUSES,
  type OpportunityListQuery,
  parseSearch,
  PLACEMENT_KINDS,
  type PersonActor,
} from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import { docJson } from "../../lib/catalog/catalog-doc.ts";
import type { Catalog } from "../../lib/catalog/catalog.ts";
import type { DocFilter } from "../../lib/catalog/doc-columns.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";

/**
 * The opportunities list from the in-memory catalog, as JSON (UTF-8): what the person may see,
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
}): Promise<Buffer> {
  const minAgeAtMost = input.studentId ? await studentAge(ctx, input.studentId, input.on) : undefined;
  const region = await catalog.region(ctx.actor.regionId);
  const filter = filterFor(ctx.actor, input, minAgeAtMost, Date.now());
  const { total, docs } = region.search(
    parseSearch(input.q ?? ""),
    filter,
    (input.page - 1) * input.pageSize,
    input.pageSize,
  );
  // Put together from each document's bytes, kept from the first time it was on a page: a
  // string page would be encoded again on every send (measured: 5–9% of a search's CPU).
  const parts: Buffer[] = [ITEMS_OPEN];
  docs.forEach((doc, i) => parts.push(...(i === 0 ? [] : [COMMA]), docJson(doc)));
  parts.push(Buffer.from(`],"total":${total},"page":${input.page},"pageSize":${input.pageSize}}`));
  return Buffer.concat(parts);
}

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(",");

/** Only the values both allow; either alone when the other allows any. */
function both(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.filter((v) => b.includes(v));
}

const one = (value: string | undefined) => (value ? [value] : undefined);

/** Which opportunities a person sees (as `visibleOpportunities` says in SQL) and the list's filters. */
function filterFor(
  actor: PersonActor,
  input: OpportunityListQuery,
  minAgeAtMost: number | undefined,
  now: number,
): DocFilter {
  const visible: DocFilter =
    actor.role === "employer"
      ? { employerIds: [actor.organizationId] }
      : actor.role === "coordinator"
        ? { statuses: OPPORTUNITY_STATUSES.filter((s) => s !== "draft") }
        : actor.role === "teacher"
          ? { statuses: ["published"] }
          : {};
  // Open to a placement: a placement kind, published, a seat left, not ended.
  const placeable: DocFilter = input.forPlacement
    ? { kinds: PLACEMENT_KINDS, statuses: ["published"], minSeatsLeft: 1, endsAtLeast: now }
    : {};
  return {
    statuses: both(both(visible.statuses, placeable.statuses), one(input.status)),
    kinds: both(placeable.kinds, one(input.kind)),
    levels: one(input.level),
    modalities: one(input.modality),
    sectors: one(input.sector),
    employerIds: both(visible.employerIds, one(input.employerId)),
    minSeatsLeft: placeable.minSeatsLeft,
    endsAtLeast: placeable.endsAtLeast,
    minAgeAtMost,
  };
}

/** The student's age on `on` (today by default); the student must be visible, and reading the birth date is audited. */
async function studentAge(ctx: Ctx, studentId: string, on: string | undefined): Promise<number> {
  const { student } = await findVisibleStudent(ctx.db, ctx.actor, studentId);
  await audit(ctx.db, ctx.actor, "read", "student", studentId, { purpose: "opportunities-for-student" });
  return ageOn(student.birthDate, on ?? new Date().toISOString().slice(0, 10));
}
