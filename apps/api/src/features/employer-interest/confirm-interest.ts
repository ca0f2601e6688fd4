import { auditLog, employerInterests, regions } from "@bridgework/db";
import { type ConfirmInterestResult, LinkExpired, NotFound } from "@bridgework/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { hashToken } from "../../lib/tokens.ts";

/**
 * The contact follows the emailed link: the submission becomes `waiting` (it now reaches the
 * intermediary's queue). The conditional UPDATE makes it count once under concurrent clicks; a
 * later click answers `already-confirmed` (the token hash is kept for that and can do nothing
 * else). Unknown token → 404; expired and never confirmed → 410. Audited with no actor.
 */
export async function confirmInterest(ctx: Omit<Ctx, "actor">, token: string): Promise<ConfirmInterestResult> {
  const now = ctx.clock.now();
  const [found] = await ctx.db
    .select({ interest: employerInterests, region: { slug: regions.slug, name: regions.name } })
    .from(employerInterests)
    .innerJoin(regions, eq(regions.id, employerInterests.regionId))
    .where(eq(employerInterests.confirmTokenHash, hashToken(token)));
  if (!found) throw new NotFound("resource");
  const { interest, region } = found;
  const answer = (result: ConfirmInterestResult["result"]): ConfirmInterestResult => ({
    result,
    companyName: interest.companyName,
    region,
  });
  if (interest.confirmedAt) return answer("already-confirmed");
  if (!interest.confirmExpiresAt || interest.confirmExpiresAt <= now) throw new LinkExpired();

  const confirmed = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(employerInterests)
      .set({ status: "waiting", confirmedAt: now, updatedAt: now })
      .where(
        and(
          eq(employerInterests.id, interest.id),
          eq(employerInterests.status, "unconfirmed"),
          isNull(employerInterests.confirmedAt),
          gt(employerInterests.confirmExpiresAt, now),
        ),
      )
      .returning({ id: employerInterests.id });
    if (rows.length === 0) return false;
    await tx.insert(auditLog).values({
      regionId: interest.regionId,
      actorUserId: null,
      action: "employer_interest_confirmed",
      entity: "employer_interest",
      entityId: interest.id,
      details: {},
      at: now,
    });
    return true;
  });
  // Lost the race to another click of the same link: it was confirmed all the same.
  return answer(confirmed ? "confirmed" : "already-confirmed");
}
