import { opportunities } from "@bridgework/db";
import type { OpportunityListQuery } from "@bridgework/domain";
import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { selectOpportunities, toOpportunity, visibleOpportunities } from "./opportunity.queries.ts";

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
  const [rows, [total]] = await Promise.all([
    selectOpportunities(ctx.db)
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(opportunities).where(where),
  ]);
  return { items: rows.map(toOpportunity), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
