import { type DbOrTx, growInvitations, matches, organizations, regions, type Tx } from "@bridgework/db";
import { type AskState, monthOf, RuleViolation, say } from "@bridgework/domain";
import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { dayInZone } from "./zoned-time.ts";

/**
 * An employer's asks in a month: matches approved (by a coordinator or intermediary) in the
 * month, whatever became of them, plus grow invitations sent in the month (an invitation to
 * the next step along the continuum is an ask too). Used by matches and the grow list.
 */
export async function asksThisMonth(
  db: DbOrTx,
  employerIds: string[],
  now: Date,
): Promise<Map<string, { asks: number; cap: number | null }>> {
  const result = new Map<string, { asks: number; cap: number | null }>();
  if (employerIds.length === 0) return result;
  const { start, end } = monthOf(now);
  const ids = [...new Set(employerIds)];
  const [caps, approved, invited] = await Promise.all([
    db
      .select({ id: organizations.id, cap: organizations.askCapPerMonth })
      .from(organizations)
      .where(inArray(organizations.id, ids)),
    db
      .select({ employerId: matches.employerId, n: count() })
      .from(matches)
      .where(and(inArray(matches.employerId, ids), gte(matches.approvedAt, start), lt(matches.approvedAt, end)))
      .groupBy(matches.employerId),
    db
      .select({ employerId: growInvitations.employerId, n: count() })
      .from(growInvitations)
      .where(
        and(
          inArray(growInvitations.employerId, ids),
          gte(growInvitations.sentAt, start),
          lt(growInvitations.sentAt, end),
        ),
      )
      .groupBy(growInvitations.employerId),
  ]);
  const byEmployer = new Map<string, number>();
  for (const c of [...approved, ...invited]) byEmployer.set(c.employerId, (byEmployer.get(c.employerId) ?? 0) + c.n);
  for (const c of caps) result.set(c.id, { asks: byEmployer.get(c.id) ?? 0, cap: c.cap });
  return result;
}

/** The month (1–12) it is now in the region's zone: blackout months are the employer's local months. */
export function monthInZone(now: Date, timeZone: string): number {
  return Number(dayInZone(now, timeZone).slice(5, 7));
}

/** Asks, cap and whether a new ask would be refused now (cap reached or a blackout month). */
export function askState(
  s: { asks: number; cap: number | null } | undefined,
  blackoutMonths: number[],
  now: Date,
  timeZone: string,
): AskState {
  const asks = s?.asks ?? 0;
  const cap = s?.cap ?? null;
  return {
    asksThisMonth: asks,
    askCapPerMonth: cap,
    capReached: cap !== null && asks >= cap,
    blackoutNow: blackoutMonths.includes(monthInZone(now, timeZone)),
  };
}

/**
 * Refuses a new ask to an employer: 422 blackout-month in a month the employer asked to be left
 * alone (the region's zone), 422 ask-limit-reached once it has had its monthly cap of asks
 * (approved matches and grow invitations together).
 *
 * Count-then-insert races: two asks each counting 3 of 4 would both pass. The employer's
 * organization row is locked first, so asks to one employer (approvals and invitations alike)
 * run one after the other and each counts the ones committed before it. FOR NO KEY UPDATE, not
 * FOR UPDATE: it still excludes another ask (and an edit of the cap) but not the foreign-key
 * checks of rows merely pointing at the employer (a teacher's proposal, feedback), which need no wait.
 */
export async function enforceAskCap(tx: Tx, employerId: string, now: Date): Promise<void> {
  const [org] = await tx
    .select({
      name: organizations.name,
      cap: organizations.askCapPerMonth,
      blackoutMonths: organizations.blackoutMonths,
      regionId: organizations.regionId,
    })
    .from(organizations)
    .where(eq(organizations.id, employerId))
    .for("no key update");
  if (!org) return;
  if (org.blackoutMonths.length > 0) {
    const [region] = await tx.select({ timeZone: regions.timeZone }).from(regions).where(eq(regions.id, org.regionId));
    const month = monthInZone(now, region?.timeZone ?? "America/Los_Angeles");
    if (org.blackoutMonths.includes(month)) {
      throw new RuleViolation("blackout-month", say("blackout-month", { employer: org.name, month }), {
        month,
        blackoutMonths: org.blackoutMonths,
      });
    }
  }
  if (org.cap === null) return;
  const asks = (await asksThisMonth(tx, [employerId], now)).get(employerId)?.asks ?? 0;
  if (asks >= org.cap) {
    throw new RuleViolation("ask-limit-reached", say("ask-limit-reached", { employer: org.name, asks, cap: org.cap }), {
      asksThisMonth: asks,
      askCapPerMonth: org.cap,
    });
  }
}
