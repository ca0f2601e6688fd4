import { placements } from "@bridgework/db";
import { dayOf, requireRole } from "@bridgework/domain";
import { and, count, desc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisiblePlacement, presentPlacement, presentPlacements } from "./placement.queries.ts";
import { visiblePlacements } from "../../lib/queries/placements.ts";
import type { PlacementListQuery } from "./placement.schemas.ts";

/** Placements the person may see, newest first. Reading student data is audited (domain.md, Privacy). */
export async function listPlacements({ ctx, input }: { ctx: Ctx; input: PlacementListQuery }) {
  requireRole(ctx.actor, ["intermediary", "coordinator", "teacher", "employer"]);
  const where = and(
    visiblePlacements(ctx.actor),
    input.status ? eq(placements.status, input.status) : undefined,
    input.opportunityId ? eq(placements.opportunityId, input.opportunityId) : undefined,
    input.studentId ? eq(placements.studentId, input.studentId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ id: placements.id })
      .from(placements)
      .where(where)
      .orderBy(desc(placements.createdAt), desc(placements.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(placements).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) await audit(ctx.db, ctx.actor, "list", "placement", null, { placementIds: ids });
  const items = await presentPlacements(ctx.db, ctx.actor, ids, dayOf(ctx.clock.now()));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getPlacement({ ctx, id }: { ctx: Ctx; id: string }) {
  const p = await findVisiblePlacement(ctx.db, ctx.actor, id);
  await audit(ctx.db, ctx.actor, "read", "placement", p.id);
  return presentPlacement(ctx.db, ctx.actor, p.id, dayOf(ctx.clock.now()));
}
