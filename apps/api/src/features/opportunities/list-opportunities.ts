import { opportunities, organizations } from "@bridgework/db";
import type { OpportunityListQuery } from "@bridgework/domain";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { opportunityColumns, toOpportunity, visibleOpportunities } from "./opportunity.queries.ts";

/**
 * Opportunities the person may see, filtered. With `q`, a full-text search over title, sector
 * and description (web-search syntax: quotes, `or`, `-word`) ranked best first; else newest first.
 */
export async function listOpportunities({ ctx, input }: { ctx: Ctx; input: OpportunityListQuery }) {
  const query = input.q ? sql`websearch_to_tsquery('english', ${input.q})` : null;
  const where = and(
    visibleOpportunities(ctx.actor),
    input.kind ? eq(opportunities.kind, input.kind) : undefined,
    input.level ? eq(opportunities.level, input.level) : undefined,
    input.sector ? eq(opportunities.sector, input.sector) : undefined,
    input.modality ? eq(opportunities.modality, input.modality) : undefined,
    input.status ? eq(opportunities.status, input.status) : undefined,
    input.employerId ? eq(opportunities.employerId, input.employerId) : undefined,
    query ? sql`${opportunities.search} @@ ${query}` : undefined,
  );
  const order = [desc(opportunities.createdAt), desc(opportunities.id)];
  if (query) order.unshift(desc(sql`ts_rank(${opportunities.search}, ${query})`));
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
  const total = rows[0]?.total ?? (input.page > 1 ? ((await ctx.db.select({ n: count() }).from(opportunities).where(where))[0]?.n ?? 0) : 0);
  return { items: rows.map(toOpportunity), total, page: input.page, pageSize: input.pageSize };
}
