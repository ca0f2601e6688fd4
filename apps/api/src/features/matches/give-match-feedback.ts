import { matchFeedback, users } from "@bridgework/db";
import { eq } from "drizzle-orm";
import { Conflict, type MatchFeedback, type MatchFeedbackInput, requireRole, say } from "@bridgework/domain";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { findVisibleMatch } from "./match.queries.ts";

/**
 * "How did it go?" and "would you host again?" from the teachers of the school and the employer,
 * once the engagement is completed; one answer per person (409 duplicate). The answers feed the
 * employer's host-again history used to rank suggestions. Side effects: an audit row.
 */
export async function giveMatchFeedback({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: string;
  input: MatchFeedbackInput;
}): Promise<MatchFeedback> {
  requireRole(ctx.actor, ["teacher", "employer"]);
  const actor = ctx.actor;
  const match = await findVisibleMatch(ctx.db, actor, id);
  if (match.status !== "completed")
    throw new Conflict("invalid-transition", say("feedback-after-completion", { status: match.status }));
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await uniqueOrDuplicate(
      tx
        .insert(matchFeedback)
        .values({
          matchId: id,
          employerId: match.employerId,
          userId: actor.userId,
          role: actor.role,
          rating: input.rating,
          hostAgain: input.hostAgain,
          comment: input.comment ?? null,
          createdAt: ctx.clock.now(),
        })
        .returning(),
      say("feedback-given"),
    );
    await audit(tx, actor, "feedback", "match", id, { rating: input.rating, hostAgain: input.hostAgain });
    return created!;
  });
  const [author] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  return toMatchFeedback(row, author?.name ?? "");
}

export function toMatchFeedback(row: typeof matchFeedback.$inferSelect, authorName: string): MatchFeedback {
  return {
    id: row.id,
    matchId: row.matchId,
    role: row.role === "employer" ? "employer" : "teacher",
    author: { id: row.userId, name: authorName },
    rating: row.rating,
    hostAgain: row.hostAgain,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
  };
}
