import { employerInterests } from "@bridgework/db";
import type { InterestCount, InterestListQuery } from "@bridgework/domain";
import { requireRole } from "@bridgework/domain";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findMatches, findSubmission, toSubmission } from "./employer-vetting.queries.ts";

/**
 * The intermediary's queue: confirmed submissions of the region in one status (waiting by default,
 * oldest first; decided ones newest first), each with its likely duplicates. Reading contacts'
 * details is audited.
 */
export async function listInterests({ ctx, input }: { ctx: Ctx; input: InterestListQuery }) {
  requireRole(ctx.actor, ["intermediary"]);
  const actor = ctx.actor;
  const where = and(eq(employerInterests.regionId, actor.regionId), eq(employerInterests.status, input.status));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(employerInterests)
      .where(where)
      .orderBy(
        input.status === "waiting" ? asc(employerInterests.confirmedAt) : desc(employerInterests.decidedAt),
        asc(employerInterests.id),
      )
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(employerInterests).where(where),
  ]);
  const items = await Promise.all(rows.map(async (row) => toSubmission(row, await findMatches(ctx.db, row))));
  if (items.length > 0)
    await audit(ctx.db, actor, "list", "employer_interest", null, {
      ids: items.map((i) => i.id),
      status: input.status,
    });
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** One confirmed submission of the region with its likely duplicates (audited read). */
export async function getInterest({ ctx, id }: { ctx: Ctx; id: string }) {
  requireRole(ctx.actor, ["intermediary"]);
  const row = await findSubmission(ctx.db, ctx.actor.regionId, id);
  const submission = toSubmission(row, await findMatches(ctx.db, row));
  await audit(ctx.db, ctx.actor, "read", "employer_interest", id);
  return submission;
}

/** How many submissions wait for a decision (the navigation's badge). */
export async function countInterests({ ctx }: { ctx: Ctx }): Promise<InterestCount> {
  requireRole(ctx.actor, ["intermediary"]);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(employerInterests)
    .where(and(eq(employerInterests.regionId, ctx.actor.regionId), eq(employerInterests.status, "waiting")));
  return { waiting: row?.n ?? 0 };
}
