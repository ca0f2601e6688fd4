import {
  bookableNow,
  compareSuggestions,
  type EmployerFacts,
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
import { askedElsewhere, type EmployerStanding } from "../../lib/catalog/employer-standing.ts";
import type { Ctx } from "../../lib/context.ts";
import { toOpportunity } from "../../lib/queries/opportunities.ts";
import { selectCandidates } from "./suggestion-candidates.ts";
import { type CandidateQuery, findRequestToSuggestFor } from "./suggestion.queries.ts";

const NO_STANDING: EmployerStanding = {
  askCapPerMonth: null,
  approvedAsks: 0,
  invitations: 0,
  hostAgainYes: 0,
  hostAgainAnswers: 0,
  liveAsks: [],
};

/**
 * Opportunities a request could use, best first, each with a score in [0, 1] and the reasons
 * as codes with their facts, worded in `language`. The region's catalog in memory gives the
 * usable ones, best first on the opportunity side (`selectCandidates`), and its employers'
 * standing this month (asks, cap, host-again record, live asks; kept until the region
 * changes); one statement reads the request with what it was already asked for; the domain's own rules
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
  const { request: r, schoolCity, asked } = await findRequestToSuggestFor(ctx.db, ctx.actor, requestId);
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
  const [region, standing] = await Promise.all([
    catalog.region(r.regionId),
    catalog.employers(r.regionId, { start: monthStart, end: monthEnd }),
  ]);
  const candidates = selectCandidates(region, q, asked, standing);
  return candidates
    .filter((c) => unusableBecause(facts, c.facts) === null)
    .map((c) => {
      const s = standing.get(c.doc.row.employerId) ?? NO_STANDING;
      const employer: EmployerFacts = {
        asksThisMonth: s.approvedAsks + s.invitations,
        askCapPerMonth: s.askCapPerMonth,
        hostAgainYes: s.hostAgainYes,
        hostAgainAnswers: s.hostAgainAnswers,
        duplicateAsk: askedElsewhere(s, q),
      };
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
