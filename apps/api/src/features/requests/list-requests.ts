import { type DbOrTx, matches, opportunities, organizations, requests } from "@bridgework/db";
import { requireRole, type RequestAsk, type RequestListItem, type RequestListQuery } from "@bridgework/domain";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleRequest, selectRequests, toRequest, visibleRequests } from "../../lib/queries/requests.ts";

/** Requests the person may see (school, district or region), newest first, each with its asks; `mine` = the ones they made. */
export async function listRequests({ ctx, input }: { ctx: Ctx; input: RequestListQuery }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  const where = and(
    visibleRequests(ctx.actor),
    input.status ? eq(requests.status, input.status) : undefined,
    input.kind ? eq(requests.kind, input.kind) : undefined,
    input.sector ? eq(requests.sector, input.sector) : undefined,
    input.schoolId ? eq(requests.schoolId, input.schoolId) : undefined,
    input.mine ? eq(requests.createdBy, ctx.actor.userId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    selectRequests(ctx.db)
      .where(where)
      .orderBy(desc(requests.createdAt), desc(requests.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(requests).where(where),
  ]);
  const asks = await asksOf(
    ctx.db,
    rows.map((r) => r.request.id),
  );
  const items: RequestListItem[] = rows.map((r) => ({ ...toRequest(r), asks: asks.get(r.request.id) ?? [] }));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/**
 * The asks made for these requests (every match from proposal on, newest first), with the
 * employer's name and the time once scheduled: what a teacher's list says about each request.
 * The requests were already checked as visible; their matches are seen along with them.
 */
async function asksOf(db: DbOrTx, requestIds: string[]): Promise<Map<string, RequestAsk[]>> {
  const result = new Map<string, RequestAsk[]>();
  if (requestIds.length === 0) return result;
  const rows = await db
    .select({
      requestId: matches.requestId,
      matchId: matches.id,
      status: matches.status,
      scheduledAt: matches.scheduledAt,
      employerName: organizations.name,
      opportunityTitle: opportunities.title,
    })
    .from(matches)
    .innerJoin(organizations, eq(organizations.id, matches.employerId))
    .innerJoin(opportunities, eq(opportunities.id, matches.opportunityId))
    .where(inArray(matches.requestId, requestIds))
    .orderBy(desc(matches.createdAt), desc(matches.id));
  for (const { requestId, scheduledAt, ...ask } of rows) {
    const list = result.get(requestId) ?? [];
    list.push({ ...ask, scheduledAt: scheduledAt?.toISOString() ?? null });
    result.set(requestId, list);
  }
  return result;
}

/** One request the person may see. Employers see requests only through matches sent to them. */
export async function getRequest({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  return toRequest(await findVisibleRequest(ctx.db, ctx.actor, id));
}
