import { opportunities } from "@bridgework/db";
import {
  bookableNow,
  compareSuggestions,
  type GuardianLanguage,
  type Kind,
  labelReason,
  monthOf,
  oldestAgeInGrade,
  type RequestFacts,
  requireRole,
  scoreSuggestion,
  SIMILAR_KINDS,
  type Suggestion,
  unusableBecause,
} from "@bridgework/domain";
import { inArray } from "drizzle-orm";
import type { Ctx } from "../../lib/context.ts";
import { selectOpportunities, toOpportunity } from "../../lib/queries/opportunities.ts";
import { findVisibleRequest } from "../../lib/queries/requests.ts";
import { findCandidates } from "./suggestion.queries.ts";

/**
 * Opportunities a request could use, best first, each with a score in [0, 1] and the reasons
 * as codes with their facts, worded in `language`. SQL narrows the region's opportunities to the usable ones with their employers'
 * facts in one statement; the domain's own rules (`unusableBecause`, `scoreSuggestion`) then
 * decide and rank, so the API and the domain tests share one definition; a second statement
 * reads the full rows of the few returned. Opportunities this request already has a live or
 * declined match with are never suggested; those of employers at their monthly ask cap come
 * after every bookable one (`bookable: false`, reason `ask_cap_reached`), so the first
 * suggestion is always one that can be asked for now. Only the school side asks: employers see requests
 * through matches.
 */
export async function suggestOpportunities({
  ctx,
  requestId,
  limit,
  language,
}: {
  ctx: Ctx;
  requestId: string;
  limit: number;
  language: GuardianLanguage;
}): Promise<Suggestion[]> {
  requireRole(ctx.actor, ["teacher", "coordinator", "intermediary"]);
  const { request: r, schoolCity } = await findVisibleRequest(ctx.db, ctx.actor, requestId);
  const facts: RequestFacts = {
    kind: r.kind,
    sector: r.sector as RequestFacts["sector"],
    students: r.students,
    gradeLevels: r.gradeLevels,
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    modality: r.modality,
    schoolCity,
  };
  const { start: monthStart, end: monthEnd } = monthOf(ctx.clock.now());
  const candidates = await findCandidates(ctx.db, {
    regionId: r.regionId,
    requestId: r.id,
    kinds: [r.kind, ...(SIMILAR_KINDS[r.kind] ?? [])] as Kind[],
    kind: r.kind,
    sector: facts.sector,
    students: r.students,
    modality: r.modality,
    oldestAge: Math.max(...r.gradeLevels.map(oldestAgeInGrade)),
    windowFrom: new Date(`${r.windowStart}T00:00:00Z`),
    windowTo: new Date(`${r.windowEnd}T23:59:59Z`),
    windowStart: r.windowStart,
    windowEnd: r.windowEnd,
    monthStart,
    monthEnd,
    schoolCity,
  });
  const ranked = candidates
    .filter((c) => unusableBecause(facts, c.facts) === null)
    .map((c) => ({
      c,
      id: c.id,
      startsAt: c.facts.startsAt,
      bookable: bookableNow(c.employer),
      ...scoreSuggestion(facts, c.facts, c.employer),
    }))
    .sort(compareSuggestions)
    .slice(0, limit);
  if (ranked.length === 0) return [];
  const rows = await selectOpportunities(ctx.db).where(
    inArray(
      opportunities.id,
      ranked.map((s) => s.c.id),
    ),
  );
  const byId = new Map(rows.map((row) => [row.opportunity.id, row]));
  return ranked.map((s) => ({
    opportunity: toOpportunity(byId.get(s.c.id)!),
    score: s.score,
    bookable: s.bookable,
    reasons: s.reasons.map((reason) => labelReason(reason, language)),
  }));
}
