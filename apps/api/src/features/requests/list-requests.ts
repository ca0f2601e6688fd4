import { requests } from "@bridgework/db";
import { requireRole, type RequestListQuery } from "@bridgework/domain";
import { and, count, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleRequest, selectRequests, toRequest, visibleRequests } from "./request.queries.ts";

/** Requests the person may see (school, district or region), newest first; `mine` = the ones they made. */
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
  return { items: rows.map(toRequest), total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** One request the person may see. Employers see requests only through matches sent to them. */
export async function getRequest({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  return toRequest(await findVisibleRequest(ctx.db, ctx.actor, id));
}
