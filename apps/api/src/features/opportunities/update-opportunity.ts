import { opportunities } from "@bridgework/db";
import {
  Conflict,
  InvalidTransition,
  levelOf,
  type OpportunityStatus,
  requireRole,
  type UpdateOpportunity,
  ValidationFailed,
  say,
} from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../lib/audit.ts";
import type { Ctx } from "../../lib/context.ts";
import { findVisibleOpportunity, toOpportunity } from "../../lib/queries/opportunities.ts";

/** Ended offers are kept as history (reports count them) and are no longer edited. */
const FROZEN: readonly OpportunityStatus[] = ["closed", "archived"];

/**
 * The owning employer or an intermediary edits an opportunity. Only the fields sent change.
 * Side effects: an audit row naming the fields.
 */
export async function updateOpportunity({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateOpportunity }) {
  requireRole(ctx.actor, ["employer", "intermediary"]);
  const actor = ctx.actor;
  const row = await ctx.db.transaction(async (tx) => {
    // The lock makes the seats check below hold: a concurrent accept waits for this commit.
    const { opportunity: current } = await findVisibleOpportunity(tx, actor, id, true);
    if (FROZEN.includes(current.status)) throw new InvalidTransition("opportunity", current.status, "edited");
    if (input.capacity !== undefined && input.capacity < current.seatsTaken) {
      throw new Conflict("conflict", say("capacity-below-taken", { taken: current.seatsTaken }), {
        seatsTaken: current.seatsTaken,
      });
    }
    const startsAt = input.startsAt === undefined ? current.startsAt : toDate(input.startsAt);
    const endsAt = input.endsAt === undefined ? current.endsAt : toDate(input.endsAt);
    // The schema only compares the dates sent; one sent date must also fit the stored other.
    if (startsAt && endsAt && endsAt < startsAt)
      throw new ValidationFailed([{ path: "endsAt", text: say("ends-before-starts") }]);

    await tx
      .update(opportunities)
      .set({
        kind: input.kind,
        level: input.kind && levelOf(input.kind),
        sector: input.sector,
        title: input.title,
        description: input.description,
        modality: input.modality,
        city: input.location === undefined ? undefined : (input.location?.city ?? null),
        postalCode: input.location === undefined ? undefined : (input.location?.postalCode ?? null),
        capacity: input.capacity,
        startsAt,
        endsAt,
        minAge: input.minAge,
        requirements: input.requirements,
        paid: input.paid,
        hoursTotal: input.hoursTotal,
      })
      .where(eq(opportunities.id, id));
    await audit(tx, actor, "update", "opportunity", id, { fields: Object.keys(input) });
    return findVisibleOpportunity(tx, actor, id);
  });
  return toOpportunity(row);
}

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));
