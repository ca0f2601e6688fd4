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
import type { Catalog } from "../../lib/catalog/catalog.ts";
import type { Ctx } from "../../lib/context.ts";
import { toOpportunity } from "../../lib/queries/opportunities.ts";
import { findVisibleRequest } from "../../lib/queries/requests.ts";
import { selectCandidates } from "./suggestion-candidates.ts";
import { type CandidateQuery, findAskedAndCapped, findEmployerFacts } from "./suggestion.queries.ts";

/**
 * Opportunities a request could use, best first, each with a score in [0, 1] and the reasons
 * as codes with their facts, worded in `language`. The region's catalog in memory gives the
 * usable ones, best first on the opportunity side (`selectCandidates`); the database gives
 * what only it knows — what this request was already asked for, the employers at their
 * monthly cap, the candidate employers' facts — in two statements; the domain's own rules
 * (`unusableBecause`, `scoreSuggestion`) then decide and rank, so the API and the domain tests
 * share one definition. Opportunities this request already has a live or declined match with
 * are never suggested; those of employers at their monthly ask cap come after every bookable
 * one (`bookable: false`, reason `ask_cap_reached`), so the first suggestion is always one
 * that can be asked for now. Only the school side asks: employers see requests through matches.
 */
export async function suggestOpportunities({
  ctx,
  catalog,
  requestId,
  limit,
  language,
}: {
  ctx: Ctx;
  catalog: Catalog;
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
  const q: CandidateQuery = {
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
  };
  const [{ asked, capped }, region] = await Promise.all([findAskedAndCapped(ctx.db, q), catalog.region(r.regionId)]);
  const candidates = selectCandidates(region, q, asked, capped);
  const employers = await findEmployerFacts(ctx.db, [...new Set(candidates.map((c) => c.doc.row.employerId))], q);
  return candidates
    .filter((c) => unusableBecause(facts, c.facts) === null)
    .map((c) => {
      const employer = employers.get(c.doc.row.employerId)!;
      return {
        c,
        id: c.doc.row.id,
        startsAt: c.facts.startsAt,
        bookable: bookableNow(employer),
        ...scoreSuggestion(facts, c.facts, employer),
      };
    })
    .sort(compareSuggestions)
    .slice(0, limit)
    .map((s) => ({
      opportunity: toOpportunity({ opportunity: s.c.doc.row, employerName: s.c.doc.employerName }),
      score: s.score,
      bookable: s.bookable,
      reasons: s.reasons.map((reason) => labelReason(reason, language)),
    }));
}
