import { matches, requests } from "@bridgework/db";
import type { MatchListQuery } from "@bridgework/domain";
import { and, count, desc, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { askCapReachedFor } from "./ask-cap.ts";
import { selectMatchSummaries, toMatchSummary } from "./match.queries.ts";
import { visibleMatches } from "../../lib/queries/matches.ts";

/**
 * Matches the person may see, newest first, filtered. Each row says whether the employer has
 * used up this month's asks (`askCapReached`), so an approval queue shows it before anyone clicks.
 */
export async function listMatches({ ctx, input }: { ctx: Ctx; input: MatchListQuery }) {
  const where = and(
    visibleMatches(ctx.actor),
    input.status ? eq(matches.status, input.status) : undefined,
    input.requestId ? eq(matches.requestId, input.requestId) : undefined,
    input.opportunityId ? eq(matches.opportunityId, input.opportunityId) : undefined,
    input.duplicateAsk === undefined ? undefined : eq(matches.duplicateAsk, input.duplicateAsk),
  );
  const [rows, [total]] = await Promise.all([
    selectMatchSummaries(ctx.db)
      .where(where)
      .orderBy(desc(matches.createdAt), desc(matches.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    ctx.db.select({ n: count() }).from(matches).innerJoin(requests, eq(requests.id, matches.requestId)).where(where),
  ]);
  const capped = await askCapReachedFor(
    ctx.db,
    rows.map((r) => r.match.employerId),
    ctx.clock.now(),
  );
  return {
    items: rows.map((r) => toMatchSummary(r, capped.has(r.match.employerId))),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
