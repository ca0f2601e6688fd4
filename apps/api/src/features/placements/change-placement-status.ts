import { documents, placements, type Tx } from "@bridgework/db";
import {
  dayOf,
  DomainError,
  insuranceState,
  PLACEMENT_MACHINE,
  type PlacementAction,
  requireRole,
  RuleViolation,
  say,
  transition,
} from "@bridgework/domain";
import { and, eq, ne } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { latestCertificates } from "../../lib/queries/insurance-certificates.ts";
import { revokeOpenLinks } from "../../lib/one-time-links.ts";
import { queueEvaluationRequest } from "./evaluation-link.ts";
import { findVisiblePlacement, type PlacementRow, presentPlacement } from "./placement.queries.ts";
import type { WithdrawInput } from "./placement.schemas.ts";
import { releasePlacementSeat } from "./placement-seats.ts";

type Changes = Partial<typeof placements.$inferInsert>;

type Step = (tx: Tx, p: PlacementRow, now: Date) => Promise<Changes>;

/**
 * Runs one state change on a locked placement the caller may see: `guard` may refuse with a
 * rule (checked before the state machine, so "not ready" reads as the paperwork it is missing),
 * `effects` add fields and side effects once the move is legal.
 */
async function changeStatus(ctx: Ctx, id: string, action: PlacementAction, effects: Step, guard?: Step) {
  requireRole(ctx.actor, ["coordinator", "intermediary"]);
  const actor = ctx.actor;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await findVisiblePlacement(tx, actor, id, true);
    const guarded = guard ? await guard(tx, p, now) : {};
    const to = transition("placement", PLACEMENT_MACHINE, p.status, action);
    const changes = { ...guarded, ...(await effects(tx, p, now)) };
    await tx
      .update(placements)
      .set({ ...changes, status: to })
      .where(eq(placements.id, id));
    await audit(tx, actor, action, "placement", id, { from: p.status, to });
  });
  ctx.kick();
  return presentPlacement(ctx.db, actor, id, dayOf(now));
}

/**
 * ready → active. Refused with 422 paperwork-incomplete while any document is unsigned, and
 * 422 insurance-required while the employer's latest certificate is missing or expired, unless
 * the district recorded a rider or waiver for this placement.
 */
export function activatePlacement({ ctx, id }: { ctx: Ctx; id: string }) {
  const effects: Step = async (_tx, _p, now) => ({ activatedAt: now });
  return changeStatus(ctx, id, "activate", effects, async (tx, p, now) => {
    const unsigned = await tx
      .select({ id: documents.id, kind: documents.kind })
      .from(documents)
      .where(and(eq(documents.placementId, p.id), ne(documents.status, "signed")));
    if (p.status === "pending_paperwork" || (p.status === "ready" && unsigned.length > 0)) {
      throw new RuleViolation(
        "paperwork-incomplete",
        say("paperwork-incomplete", { count: unsigned.length, kinds: unsigned.map((d) => d.kind) }),
        { unsigned },
      );
    }
    if (p.status !== "ready") return {};
    const cert = (await latestCertificates(tx, [p.employerId])).get(p.employerId);
    const state = insuranceState(cert?.expiresOn ?? null, dayOf(now));
    if ((state === "missing" || state === "expired") && !p.insuranceOverride) {
      throw new DomainError(
        422,
        "insurance-required",
        "title.rule-violated",
        state === "missing" ? say("insurance-missing") : say("insurance-expired", { on: cert!.expiresOn }),
        { insurance: state },
      );
    }
    return {};
  });
}

/** active → completed. Side effect: the supervisor is emailed a one-time evaluation link. */
export function completePlacement({ ctx, id }: { ctx: Ctx; id: string }) {
  return changeStatus(ctx, id, "complete", async (tx, p, now) => {
    await queueEvaluationRequest(tx, { config: ctx.config, now }, p.id);
    return { completedAt: now };
  });
}

/** Ends a placement before it completes: frees its seat, voids unsigned paperwork and revokes every open link. */
export function withdrawPlacement({ ctx, id, input }: { ctx: Ctx; id: string; input: WithdrawInput }) {
  return changeStatus(ctx, id, "withdraw", async (tx, p, now) => {
    await releasePlacementSeat(tx, p.opportunityId);
    await tx
      .update(documents)
      .set({ status: "void" })
      .where(and(eq(documents.placementId, p.id), eq(documents.status, "pending")));
    await revokeOpenLinks(tx, { placementId: p.id }, now);
    return { withdrawnAt: now, withdrawReason: input.reason };
  });
}
