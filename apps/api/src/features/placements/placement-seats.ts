import { opportunities, type Tx } from "@bridgework/db";
import { Conflict, say } from "@bridgework/domain";
import { and, eq, gt, sql } from "drizzle-orm";

/**
 * Takes one seat the way an accepted match takes its seats: one conditional UPDATE. Concurrent
 * takers queue on the opportunity's row lock and each re-checks the condition against the
 * latest committed count, so placements and matches together never pass capacity (the CHECK
 * seats_within_capacity is the backstop). The opportunity must still be published.
 */
export async function takePlacementSeat(tx: Tx, opportunityId: string): Promise<void> {
  const taken = await tx
    .update(opportunities)
    .set({ seatsTaken: sql`${opportunities.seatsTaken} + 1` })
    .where(
      and(
        eq(opportunities.id, opportunityId),
        eq(opportunities.status, "published"),
        sql`${opportunities.seatsTaken} + 1 <= ${opportunities.capacity}`,
      ),
    )
    .returning({ id: opportunities.id });
  if (taken.length > 0) return;
  const [now] = await tx
    .select({ status: opportunities.status })
    .from(opportunities)
    .where(eq(opportunities.id, opportunityId));
  if (now?.status !== "published")
    throw new Conflict("conflict", say("opportunity-not-published", { status: now?.status ?? "gone" }));
  throw new Conflict("seats-unavailable", say("every-seat-taken"));
}

/** Gives back the seat a withdrawn placement held. */
export async function releasePlacementSeat(tx: Tx, opportunityId: string): Promise<void> {
  await tx
    .update(opportunities)
    .set({ seatsTaken: sql`${opportunities.seatsTaken} - 1` })
    .where(and(eq(opportunities.id, opportunityId), gt(opportunities.seatsTaken, 0)));
}
