import { evaluations, type Tx } from "@bridgework/db";
import { type EvaluationInput, LinkExpired, ValidationFailed, say } from "@bridgework/domain";
import { queueEmail } from "@bridgework/jobs";
import type { Config } from "../../config.ts";
import type { Ctx } from "../../lib/context.ts";
import { escapeHtml } from "../users/invite-user.ts";
import { claimLink, findUsableLink, issueLink } from "../signing/one-time-links.ts";
import { limitedName, loadPlacementFacts, type PlacementFacts } from "./placement-facts.ts";
import { formatDate } from "../templates/render-template.ts";

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

/** At completion: the supervisor gets a one-time link (30 days) to evaluate the student and say whether they would host again. */
export async function queueEvaluationRequest(tx: Tx, deps: { config: Config; now: Date }, placementId: string): Promise<void> {
  const facts = (await loadPlacementFacts(tx, placementId))!;
  const p = facts.placement;
  const link = await issueLink(tx, { purpose: "evaluation", placementId, now: deps.now });
  const url = `${deps.config.publicUrl}/evaluate/${link.token}`;
  const lines = [
    `${limitedName(facts)} has completed "${facts.opportunityTitle}" with ${facts.employerName} (${formatDate(p.startDate, "en")} to ${formatDate(p.endDate, "en")}). Thank you for hosting.`,
    "Please take two minutes to evaluate the student and tell us whether you would host a student again. The link works once:",
  ];
  await queueEmail(tx, {
    dedupeKey: `placement:${placementId}:evaluation`,
    regionId: p.regionId,
    to: p.supervisorEmail,
    subject: `How did ${limitedName(facts)} do? Evaluation for ${facts.opportunityTitle}`,
    text: [`Hello ${p.supervisorName},`, "", ...lines, url].join("\n"),
    html: `<p>Hello ${escapeHtml(p.supervisorName)},</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<p><a href="${url}">Evaluate the student</a></p>`,
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
  if (input.given && input.rating === undefined) throw new ValidationFailed([{ path: "rating", text: say("rating-required") }]);
  const now = ctx.clock.now();
  const link = await findUsableLink(ctx.db, token, "evaluation", now);
  return ctx.db.transaction(async (tx) => {
    await claimLink(tx, link.id, now);
    const values = { given: input.given, rating: input.given ? input.rating! : null, comments: input.given ? (input.comments ?? null) : null, hostAgain: input.hostAgain };
    const [row] = await tx
      .insert(evaluations)
      .values({ placementId: link.placementId!, ...values })
      .onConflictDoUpdate({ target: evaluations.placementId, set: values })
      .returning();
    return { given: row!.given, rating: row!.rating, comments: row!.comments, hostAgain: row!.hostAgain };
  });
}
