import { organizations } from "@bridgework/db";
import {
  type GrowList,
  type GrowListItem,
  growReason,
  growSuggestions,
  type GuardianLanguage,
  requireRole,
} from "@bridgework/domain";
import { and, eq } from "drizzle-orm";
import { askState, asksThisMonth } from "../../lib/ask-cap.ts";
import type { Ctx } from "../../lib/context.ts";
import { regionTimeZone } from "../../lib/region-time-zone.ts";
import { employerFacts, factsOf } from "./relationship.queries.ts";

/**
 * The intermediary's grow list: employers of the region that meet a grow rule now, strongest
 * first; those an invitation cannot reach now (cap reached, blackout month) after the others,
 * still listed so the broker sees them coming; those invited to the step lately last, marked.
 */
export async function listGrow({ ctx, language }: { ctx: Ctx; language: GuardianLanguage }): Promise<GrowList> {
  requireRole(ctx.actor, ["intermediary"]);
  const regionId = ctx.actor.regionId;
  const now = ctx.clock.now();
  const [employers, facts, timeZone] = await Promise.all([
    ctx.db
      .select({ id: organizations.id, name: organizations.name, blackoutMonths: organizations.blackoutMonths })
      .from(organizations)
      .where(and(eq(organizations.regionId, regionId), eq(organizations.type, "employer"))),
    employerFacts(ctx.db, regionId),
    regionTimeZone(ctx.db, regionId),
  ]);
  const candidates = employers.flatMap((e) => {
    const f = factsOf(facts, e.id);
    const ready = new Set(growSuggestions(f, now).map((s) => s.rule));
    // Rules met but for a recent invitation stay on the list, marked invited, so the broker sees
    // what was sent (and no second invitation is offered).
    return growSuggestions({ ...f, invitations: [] }, now).map((s) => ({ e, f, s, invited: !ready.has(s.rule) }));
  });
  const asks = await asksThisMonth(
    ctx.db,
    candidates.map((c) => c.e.id),
    now,
  );
  const items: GrowListItem[] = candidates.map(({ e, f, s, invited }) => {
    const last = invited
      ? f.invitations
          .filter((i) => i.kind === s.kind)
          .reduce<Date | null>((a, i) => (a && a > i.sentAt ? a : i.sentAt), null)
      : null;
    return {
      employerId: e.id,
      employerName: e.name,
      rule: s.rule,
      kind: s.kind,
      count: s.count,
      strength: s.strength,
      reason: growReason(s, language),
      asks: askState(asks.get(e.id), e.blackoutMonths, now, timeZone),
      invitedAt: last?.toISOString() ?? null,
    };
  });
  const blocked = (i: GrowListItem) => (i.invitedAt ? 2 : i.asks.capReached || i.asks.blackoutNow ? 1 : 0);
  items.sort(
    (a, b) => blocked(a) - blocked(b) || b.strength - a.strength || a.employerName.localeCompare(b.employerName),
  );
  return { items };
}
