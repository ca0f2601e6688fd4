import { describe, expect, it } from "vitest";
import { labelReason } from "./suggestion-reasons.ts";
import {
  dateFit,
  type EmployerFacts,
  type OpportunityFacts,
  type RequestFacts,
  scoreSuggestion,
  unusableBecause,
} from "./suggestions.ts";

const request: RequestFacts = {
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  students: 20,
  gradeLevels: [10, 11],
  windowStart: "2026-03-01",
  windowEnd: "2026-03-31",
  modality: "in_person",
  schoolCity: "Fresno",
};
const opportunity: OpportunityFacts = {
  kind: "industry_tour",
  sector: "Health Science and Medical Technology",
  status: "published",
  seatsLeft: 25,
  startsAt: new Date("2026-03-10T16:00:00Z"),
  endsAt: new Date("2026-03-10T18:00:00Z"),
  modality: "in_person",
  minAge: null,
  city: "Fresno",
};
const employer: EmployerFacts = {
  asksThisMonth: 0,
  askCapPerMonth: 4,
  hostAgainYes: 3,
  hostAgainAnswers: 3,
  duplicateAsk: false,
};

describe("which opportunities a request could use", () => {
  it("accepts a published tour with enough seats inside the window", () => {
    expect(unusableBecause(request, opportunity)).toBeNull();
  });
  it.each([
    [{ status: "draft" }, "not published"],
    [{ kind: "internship" as const }, "different kind"],
    [{ seatsLeft: 19 }, "not enough seats"],
    [{ modality: "virtual" as const }, "modality does not fit"],
    [{ startsAt: new Date("2026-04-02T16:00:00Z"), endsAt: new Date("2026-04-02T18:00:00Z") }, "dates miss the window"],
    [{ minAge: 18 }, "students too young"],
  ])("rejects %o because %s", (change, reason) => {
    expect(unusableBecause(request, { ...opportunity, ...change })).toBe(reason);
  });
  it("lets an 18+ worksite serve seniors (the oldest are 18)", () => {
    expect(unusableBecause({ ...request, gradeLevels: [12] }, { ...opportunity, minAge: 18 })).toBeNull();
  });
  it("treats an opportunity with no dates as available any time and a similar kind as usable", () => {
    expect(dateFit(request, { startsAt: null, endsAt: null })).toBe("ongoing");
    expect(unusableBecause(request, { ...opportunity, kind: "job_shadow" })).toBeNull();
  });
});

describe("scoring", () => {
  it("gives a perfect fit with a good history the top score and says why", () => {
    const { score, reasons } = scoreSuggestion(request, opportunity, employer);
    expect(score).toBe(1);
    expect(reasons.map((r) => r.code)).toEqual([
      "sector_match",
      "same_kind",
      "dates_within",
      "modality_exact",
      "same_city",
      "host_again",
    ]);
  });
  it("ranks a different sector, similar kind and another city lower", () => {
    const worse = scoreSuggestion(
      request,
      { ...opportunity, sector: "Public Services", kind: "job_shadow", city: "Clovis" },
      employer,
    );
    expect(worse.score).toBeLessThan(scoreSuggestion(request, opportunity, employer).score);
    expect(worse.reasons.map((r) => r.code)).toContain("similar_kind");
  });
  it("pushes down an employer already asked a lot this month, most when the cap is reached", () => {
    const fresh = scoreSuggestion(request, opportunity, employer).score;
    const busy = scoreSuggestion(request, opportunity, { ...employer, asksThisMonth: 2 });
    const capped = scoreSuggestion(request, opportunity, { ...employer, asksThisMonth: 4 });
    expect(busy.score).toBeLessThan(fresh);
    expect(capped.score).toBeLessThan(busy.score);
    expect(busy.reasons.at(-1)).toEqual({ code: "asked_often", params: { asks: 2, cap: 4 } });
    expect(capped.reasons.map((r) => r.code)).toContain("ask_cap_reached");
  });
  it("flags a duplicate ask so the coordinator can combine requests", () => {
    const { reasons } = scoreSuggestion(request, opportunity, { ...employer, duplicateAsk: true });
    expect(reasons.map((r) => r.code)).toContain("duplicate_ask");
  });
  it("always stays within 0 and 1", () => {
    const worst = scoreSuggestion(
      { ...request, modality: "hybrid", schoolCity: null },
      {
        ...opportunity,
        sector: "Transportation",
        kind: "job_shadow",
        startsAt: new Date("2026-02-20T00:00:00Z"),
        endsAt: new Date("2026-03-02T00:00:00Z"),
      },
      { asksThisMonth: 9, askCapPerMonth: 4, hostAgainYes: 0, hostAgainAnswers: 5, duplicateAsk: true },
    );
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(worst.score).toBeLessThan(0.3);
  });
});

describe("reasons as data", () => {
  it("carries the facts behind each reason as params", () => {
    const { reasons } = scoreSuggestion(request, opportunity, employer);
    expect(reasons).toEqual([
      { code: "sector_match", params: { sector: "Health Science and Medical Technology" } },
      { code: "same_kind", params: { kind: "industry_tour" } },
      { code: "dates_within", params: { overlapDays: 1 } },
      { code: "modality_exact", params: { modality: "in_person" } },
      { code: "same_city", params: { city: "Fresno" } },
      { code: "host_again", params: { yes: 3, answers: 3 } },
    ]);
  });
  it("counts the days an opportunity shares with the window when it only partly overlaps", () => {
    const { reasons } = scoreSuggestion(
      request,
      { ...opportunity, startsAt: new Date("2026-03-25T08:00:00Z"), endsAt: new Date("2026-04-20T17:00:00Z") },
      employer,
    );
    expect(reasons).toContainEqual({ code: "dates_overlap", params: { overlapDays: 7, windowDays: 31 } });
  });
  it("says the ask-cap state with the month's asks and the cap", () => {
    const capped = scoreSuggestion(request, opportunity, { ...employer, asksThisMonth: 5 });
    expect(capped.reasons).toContainEqual({ code: "ask_cap_reached", params: { asks: 5, cap: 4 } });
    const uncapped = scoreSuggestion(request, opportunity, { ...employer, askCapPerMonth: null, asksThisMonth: 1 });
    expect(uncapped.reasons).toContainEqual({ code: "asked_often", params: { asks: 1, cap: null } });
  });
  it("words a reason in English and Spanish from the same params, singular and plural", () => {
    expect(labelReason({ code: "asked_often", params: { asks: 2, cap: 4 } }, "en").label).toBe(
      "Asked 2 times this month already",
    );
    expect(labelReason({ code: "asked_often", params: { asks: 1, cap: 4 } }, "es").label).toBe(
      "Ya se le pidió 1 vez este mes",
    );
    expect(labelReason({ code: "host_again", params: { yes: 2, answers: 3 } }, "es").label).toBe(
      "Volvería a recibir estudiantes en 2 de 3 experiencias anteriores",
    );
    expect(labelReason({ code: "sector_match", params: { sector: "Public Services" } }, "es").label).toBe(
      "Mismo sector: Servicios públicos",
    );
    expect(labelReason({ code: "modality_exact", params: { modality: "in_person" } }, "en").label).toBe(
      "Same format (in person)",
    );
  });
});
