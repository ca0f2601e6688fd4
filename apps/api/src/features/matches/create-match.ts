import { matchEvents, matches, requests, type Tx } from "@bridgework/db";
import {
  Conflict,
  type CreateMatch,
  OPEN_MATCH_STATUSES,
  type PersonActor,
  REQUEST_MACHINE,
  requireRole,
  transition,
  say,
} from "@bridgework/domain";
import { and, eq, gte, inArray, lte, ne } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { uniqueOrDuplicate } from "../../lib/db-errors.ts";
import { findVisibleOpportunity } from "../../lib/queries/opportunities.ts";
import { findVisibleRequest } from "../../lib/queries/requests.ts";
import { enforceAskCap, presentMatch } from "./ask-cap.ts";
import type { RequestRow } from "./match-transition.ts";
import { matchNotifier } from "./match-notifications.ts";

/**
 * Another request already has a live ask to this employer for the same kind in an overlapping
 * window: two teachers are about to ask one employer for the same thing (the field's "tripping
 * over each other"). Flagged, not refused, so the coordinator can combine them.
 */
export async function isDuplicateAsk(tx: Tx, request: RequestRow, employerId: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        eq(matches.employerId, employerId),
        eq(matches.requestKind, request.kind),
        inArray(matches.status, OPEN_MATCH_STATUSES),
        ne(matches.requestId, request.id),
        lte(matches.requestWindowStart, request.windowEnd),
        gte(matches.requestWindowEnd, request.windowStart),
      ),
    )
    .limit(1);
  return Boolean(other);
}

/**
 * A teacher proposes an opportunity for a request of their own school (`proposed`, invisible to
 * the employer until approved). A coordinator or an intermediary creates the match approved:
 * that is an ask to the employer, so the monthly ask cap applies and the employer's contacts
 * are emailed. The opportunity must be published with enough seats left right now (seats are
 * only taken on accept). Side effects: a match_events row, an audit row, the approval email.
 */
export async function createMatch({ ctx, input }: { ctx: Ctx; input: CreateMatch }) {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  const actor: PersonActor = ctx.actor;
  const now = ctx.clock.now();
  const direct = actor.role !== "teacher";
  const created = await ctx.db.transaction(async (tx) => {
    const visible = await findVisibleRequest(tx, actor, input.requestId);
    // Shared lock: a request being cancelled right now does not get a new live match behind its back.
    const [request] = await tx.select().from(requests).where(eq(requests.id, visible.request.id)).for("share");
    transition("request", REQUEST_MACHINE, request!.status, "match");
    const { opportunity } = await findVisibleOpportunity(tx, actor, input.opportunityId);
    if (opportunity.status !== "published")
      throw new Conflict("invalid-transition", say("opportunity-not-taking-matches", { status: opportunity.status }));
    const seatsLeft = opportunity.capacity - opportunity.seatsTaken;
    if (input.seats > seatsLeft) throw new Conflict("seats-unavailable", say("seats-left", { count: seatsLeft }));
    if (direct) await enforceAskCap(tx, opportunity.employerId, now);
    const duplicateAsk = await isDuplicateAsk(tx, request!, opportunity.employerId);
    const [row] = await uniqueOrDuplicate(
      tx
        .insert(matches)
        .values({
          regionId: actor.regionId,
          requestId: request!.id,
          opportunityId: opportunity.id,
          employerId: opportunity.employerId,
          seats: input.seats,
          status: direct ? "approved" : "proposed",
          note: input.note ?? null,
          duplicateAsk,
          proposedBy: actor.userId,
          approvedBy: direct ? actor.userId : null,
          approvedAt: direct ? now : null,
        })
        .returning(),
      say("match-exists"),
    );
    const action = direct ? "approve" : "propose";
    await tx.insert(matchEvents).values({
      matchId: row!.id,
      actorUserId: actor.userId,
      action,
      fromStatus: null,
      toStatus: row!.status,
      note: input.note ?? null,
      at: now,
    });
    await audit(tx, actor, "create", "match", row!.id, {
      status: row!.status,
      requestId: request!.id,
      opportunityId: opportunity.id,
      seats: input.seats,
      duplicateAsk,
    });
    if (direct) await (await matchNotifier(tx, { config: ctx.config, now }, row!.id)).approved();
    return row!;
  });
  if (direct) ctx.kick();
  return presentMatch(ctx.db, created, now);
}
