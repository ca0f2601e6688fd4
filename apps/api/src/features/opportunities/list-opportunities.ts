import { opportunities, organizations } from "@bridgework/db";
import { ageOn, type OpportunityListQuery, PLACEMENT_KINDS } from "@bridgework/domain";
import { and, asc, count, eq, gt, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleStudent } from "../../lib/queries/students.ts";
import { opportunityColumns, toOpportunity, visibleOpportunities } from "../../lib/queries/opportunities.ts";

/**
 * The choosers' list, in SQL: opportunities the person may see, filtered, by employer then
 * title, `q` matching any part of the title or the employer's name as one types; with
 * `forPlacement` (only what a placement can go into now) and `studentId` (only what the student
 * is old enough for; the student must be visible, else 404). The catalog list and search are
 * answered from memory (search-catalog.ts).
 */
export async function listOpportunitiesByEmployer({ ctx, input }: { ctx: Ctx; input: OpportunityListQuery }) {
  const like = input.q ? `%${input.q.replace(/[%_\\]/g, "\\$&")}%` : null;
  const where = and(
    await opportunityFilters(ctx, input),
    like ? or(ilike(opportunities.title, like), ilike(organizations.name, like)) : undefined,
  );
  const order: SQL[] = [asc(organizations.name), asc(opportunities.title), asc(opportunities.id)];
  // One statement: the total rides on every row (a window count over the same scan), so the
  // matching rows are found once; only a page past the end needs a count of its own.
  const rows = await ctx.db
    .select({ ...opportunityColumns, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(opportunities)
    .innerJoin(organizations, eq(organizations.id, opportunities.employerId))
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const total =
    rows[0]?.total ??
    (input.page > 1
      ? ((
          await ctx.db
            .select({ n: count() })
            .from(opportunities)
            .innerJoin(organizations, eq(organizations.id, opportunities.employerId))
            .where(where)
        )[0]?.n ?? 0)
      : 0);
  return { items: rows.map(toOpportunity), total, page: input.page, pageSize: input.pageSize };
}

/**
 * Which opportunities the person may see (`visibleOpportunities`) and the list's filters but
 * `q` and the order, as SQL (the catalog search's oracle test asks the same).
 */
export async function opportunityFilters(ctx: Ctx, input: OpportunityListQuery): Promise<SQL | undefined> {
  return and(
    visibleOpportunities(ctx.actor),
    input.kind ? eq(opportunities.kind, input.kind) : undefined,
    input.level ? eq(opportunities.level, input.level) : undefined,
    input.sector ? eq(opportunities.sector, input.sector) : undefined,
    input.modality ? eq(opportunities.modality, input.modality) : undefined,
    input.status ? eq(opportunities.status, input.status) : undefined,
    input.employerId ? eq(opportunities.employerId, input.employerId) : undefined,
    input.forPlacement ? placeable() : undefined,
    input.studentId ? await oldEnough(ctx, input.studentId, input.on) : undefined,
  );
}

/** A placement kind, published, with a seat left, not over. */
function placeable(): SQL | undefined {
  return and(
    inArray(opportunities.kind, [...PLACEMENT_KINDS]),
    eq(opportunities.status, "published"),
    gt(opportunities.capacity, opportunities.seatsTaken),
    or(isNull(opportunities.endsAt), gte(opportunities.endsAt, sql`now()`)),
  );
}

/** No minimum age, or one the student reaches by `on` (today by default). Reading the birth date is audited. */
async function oldEnough(ctx: Ctx, studentId: string, on: string | undefined): Promise<SQL | undefined> {
  const { student } = await findVisibleStudent(ctx.db, ctx.actor, studentId);
  await audit(ctx.db, ctx.actor, "read", "student", studentId, { purpose: "opportunities-for-student" });
  const age = ageOn(student.birthDate, on ?? new Date().toISOString().slice(0, 10));
  return or(isNull(opportunities.minAge), lte(opportunities.minAge, age));
}
