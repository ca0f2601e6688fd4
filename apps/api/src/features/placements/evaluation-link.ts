import { evaluations, type Tx } from "@bridgework/db";
import { type EvaluationInput, LinkExpired, ValidationFailed, say } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import { createLinks, evaluationRequestMessage } from "@bridgework/notifications";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { claimLink, findUsableLink, issueLink } from "../../lib/one-time-links.ts";
import { limitedName, loadPlacementFacts, type PlacementFacts } from "../../lib/paperwork/placement-facts.ts";

export function placementSummary(facts: PlacementFacts) {
  return {
    studentName: limitedName(facts),
    opportunityTitle: facts.opportunityTitle,
    employerName: facts.employerName,
    schoolName: facts.schoolName,
    startDate: facts.placement.startDate,
    endDate: facts.placement.endDate,
    supervisorName: facts.placement.supervisorName,
  };
}

/**
 * At completion: the supervisor gets a one-time link (30 days) to evaluate the student and say
 * whether they would host again, in their language (`placements.supervisor_language`).
 */
export async function queueEvaluationRequest(
  tx: Tx,
  deps: { config: Config; now: Date },
  placementId: string,
): Promise<void> {
  const facts = (await loadPlacementFacts(tx, placementId))!;
  const p = facts.placement;
  const link = await issueLink(tx, { purpose: "evaluation", placementId, now: deps.now });
  const message = await evaluationRequestMessage({
    recipient: { name: p.supervisorName, email: p.supervisorEmail, language: p.supervisorLanguage },
    timeZone: await regionTimeZone(tx, p.regionId),
    student: limitedName(facts),
    title: facts.opportunityTitle,
    employer: facts.employerName,
    startDate: p.startDate,
    endDate: p.endDate,
    link: createLinks(deps.config.publicUrl).evaluate(link.token),
    expiresAt: link.expiresAt,
  });
  await queueEmail(tx, {
    dedupeKey: `placement:${placementId}:evaluation`,
    regionId: p.regionId,
    to: p.supervisorEmail,
    ...message,
  });
}

/** What an evaluation link is for; opening it does not use it. */
export async function showEvaluation(ctx: Omit<Ctx, "actor">, token: string) {
  const link = await findUsableLink(ctx.db, token, "evaluation", ctx.clock.now());
  const facts = await loadPlacementFacts(ctx.db, link.placementId!);
  if (!facts) throw new LinkExpired();
  return { placement: placementSummary(facts), expiresAt: link.expiresAt.toISOString() };
}

/**
 * Stores the supervisor's evaluation, or "not provided by employer" (given: false), and the
 * host-again answer; uses the link. A rating is required when an evaluation is given.
 */
export async function submitEvaluation(ctx: Omit<Ctx, "actor">, token: string, input: EvaluationInput) {
  if (input.given && input.rating === undefined)
    throw new ValidationFailed([{ path: "rating", text: say("rating-required") }]);
  const now = ctx.clock.now();
  const link = await findUsableLink(ctx.db, token, "evaluation", now);
  return ctx.db.transaction(async (tx) => {
    await claimLink(tx, link.id, now);
    const values = {
      given: input.given,
      rating: input.given ? input.rating! : null,
      comments: input.given ? (input.comments ?? null) : null,
      hostAgain: input.hostAgain,
    };
    const [row] = await tx
      .insert(evaluations)
      .values({ placementId: link.placementId!, ...values })
      .onConflictDoUpdate({ target: evaluations.placementId, set: values })
      .returning();
    return { given: row!.given, rating: row!.rating, comments: row!.comments, hostAgain: row!.hostAgain };
  });
}
