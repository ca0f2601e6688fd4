import { matchEvents, matchFeedback, opportunities, requests, users } from "@bridgework/db";
import { type MatchDetail, visibleFeedback } from "@bridgework/domain";
import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { selectOpportunities, toOpportunity } from "../../lib/queries/opportunities.ts";
import { selectRequests, toRequest } from "../../lib/queries/requests.ts";
import { presentMatch } from "./ask-cap.ts";
import { toMatchFeedback } from "./give-match-feedback.ts";
import { findVisibleMatch } from "./match.queries.ts";

/**
 * One match with its request, opportunity, history and the feedback the viewer may read
 * (`visibleFeedback`), for the parties to it, the district's coordinator and intermediaries. Seeing the match is what lets an employer see the request
 * behind it, so both are read by id once the match is known to be visible.
 */
export async function getMatch({ ctx, id }: { ctx: Ctx; id: string }): Promise<MatchDetail> {
  const match = await findVisibleMatch(ctx.db, ctx.actor, id);
  const [presented, [request], [opportunity], history, answers] = await Promise.all([
    presentMatch(ctx.db, match, ctx.clock.now()),
    selectRequests(ctx.db).where(eq(requests.id, match.requestId)),
    selectOpportunities(ctx.db).where(eq(opportunities.id, match.opportunityId)),
    ctx.db
      .select({ event: matchEvents, actorName: users.name, actorRole: users.role })
      .from(matchEvents)
      .leftJoin(users, eq(users.id, matchEvents.actorUserId))
      .where(eq(matchEvents.matchId, id))
      .orderBy(asc(matchEvents.at), asc(matchEvents.id)),
    ctx.db
      .select({ feedback: matchFeedback, authorName: users.name })
      .from(matchFeedback)
      .innerJoin(users, eq(users.id, matchFeedback.userId))
      .where(eq(matchFeedback.matchId, id))
      .orderBy(asc(matchFeedback.createdAt), asc(matchFeedback.id)),
  ]);
  const feedback = visibleFeedback(
    ctx.actor,
    answers.map((a) => toMatchFeedback(a.feedback, a.authorName)),
  );
  return {
    ...presented,
    request: toRequest(request!),
    opportunity: toOpportunity(opportunity!),
    history: history.map(({ event: e, actorName, actorRole }) => ({
      at: e.at.toISOString(),
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actorUserId && actorName && actorRole ? { id: e.actorUserId, name: actorName, role: actorRole } : null,
      onBehalf: e.onBehalf,
      note: e.note,
    })),
    feedback: feedback.shown,
    feedbackHidden: feedback.hidden,
  };
}
