import { utc } from "@date-fns/utc";
import { differenceInCalendarDays } from "date-fns";
import { z } from "zod";
import type { Kind, Modality, Sector } from "../enums.ts";
import { Opportunity } from "./opportunity.ts";
import { Reason, type ReasonFact } from "./suggestion-reasons.ts";

/** Kinds a request may be served by besides its own: close enough that a broker would offer them. */
export const SIMILAR_KINDS: Partial<Record<Kind, readonly Kind[]>> = {
  guest_speaker: ["career_fair", "informational_interview"],
  career_fair: ["guest_speaker"],
  industry_tour: ["job_shadow"],
  job_shadow: ["industry_tour"],
  informational_interview: ["guest_speaker", "mock_interview"],
  mock_interview: ["informational_interview"],
  internship: ["paid_work_experience"],
  paid_work_experience: ["internship"],
  pre_apprenticeship: ["apprenticeship"],
};

export function kindFit(requested: Kind, offered: Kind): "same" | "similar" | null {
  if (requested === offered) return "same";
  return SIMILAR_KINDS[requested]?.includes(offered) ? "similar" : null;
}

/** In-person needs a place, virtual needs a screen; hybrid serves either, and a hybrid request takes anything. */
export function modalityFit(requested: Modality, offered: Modality): "exact" | "compatible" | null {
  if (requested === offered) return "exact";
  if (requested === "hybrid" || offered === "hybrid") return "compatible";
  return null;
}

/** The oldest a student in this grade usually is during the school year (grade 12 → 18). */
export function oldestAgeInGrade(grade: number): number {
  return grade + 6;
}

export interface RequestFacts {
  kind: Kind;
  sector: Sector;
  students: number;
  gradeLevels: number[];
  windowStart: string; // YYYY-MM-DD
  windowEnd: string;
  modality: Modality;
  schoolCity: string | null;
}

export interface OpportunityFacts {
  kind: Kind;
  sector: Sector;
  status: string;
  seatsLeft: number;
  startsAt: Date | null;
  endsAt: Date | null;
  modality: Modality;
  minAge: number | null;
  city: string | null;
}

export interface EmployerFacts {
  /** Approved asks this calendar month. */
  asksThisMonth: number;
  askCapPerMonth: number | null;
  hostAgainYes: number;
  hostAgainAnswers: number;
  /** Another request already has an open match with this employer for the same kind in an overlapping window. */
  duplicateAsk: boolean;
}

/** The request's window in ms, worked out once per request (scoring asks for it per candidate). */
const windows = new WeakMap<RequestFacts, [number, number, string, string]>();
function windowOf(r: RequestFacts): [number, number] {
  let window = windows.get(r);
  if (!window || window[2] !== r.windowStart || window[3] !== r.windowEnd) {
    window = [
      Date.parse(`${r.windowStart}T00:00:00Z`),
      Date.parse(`${r.windowEnd}T23:59:59Z`),
      r.windowStart,
      r.windowEnd,
    ];
    windows.set(r, window);
  }
  return [window[0], window[1]];
}

export type DateFit = "within" | "overlaps" | "ongoing";

/** How the opportunity's dates sit in the request's window; null when they miss it. */
export function dateFit(r: RequestFacts, o: Pick<OpportunityFacts, "startsAt" | "endsAt">): DateFit | null {
  if (!o.startsAt && !o.endsAt) return "ongoing";
  const [ws, we] = windowOf(r);
  const os = o.startsAt?.getTime() ?? -Infinity;
  const oe = o.endsAt?.getTime() ?? os;
  if (oe < ws || os > we) return null;
  return os >= ws && oe <= we ? "within" : "overlaps";
}

/** Why an opportunity cannot serve a request, or null when it could. Only usable ones are suggested. */
export function unusableBecause(r: RequestFacts, o: OpportunityFacts): string | null {
  if (o.status !== "published") return "not published";
  if (!kindFit(r.kind, o.kind)) return "different kind";
  if (o.seatsLeft < r.students) return "not enough seats";
  if (!modalityFit(r.modality, o.modality)) return "modality does not fit";
  if (!dateFit(r, o)) return "dates miss the window";
  if (o.minAge !== null && o.minAge > Math.max(...r.gradeLevels.map(oldestAgeInGrade))) return "students too young";
  return null;
}

/**
 * `bookable`: whether it can be asked for now. One that cannot (its employer has had this
 * month's asks: `ask_cap_reached` among the reasons) is still shown, after every one that can.
 */
export const Suggestion = z.object({
  opportunity: Opportunity,
  score: z.number().min(0).max(1),
  bookable: z.boolean(),
  reasons: z.array(Reason),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** Weights sum to 1 before the ask-load penalty. */
export const WEIGHTS = {
  sector: 0.3,
  kind: 0.2,
  dates: 0.15,
  modality: 0.1,
  city: 0.1,
  history: 0.15,
  askPenalty: 0.25,
} as const;

/**
 * Scores a usable opportunity for a request in [0, 1] and says why, as codes with the facts
 * behind them (`labelReason` words them). Employers already asked a lot this month are pushed
 * down so asks spread across the region.
 */
export function scoreSuggestion(
  r: RequestFacts,
  o: OpportunityFacts,
  e: EmployerFacts,
): { score: number; reasons: ReasonFact[] } {
  const reasons: ReasonFact[] = [];
  let score = 0;
  if (r.sector === o.sector) {
    score += WEIGHTS.sector;
    reasons.push({ code: "sector_match", params: { sector: o.sector } });
  }
  if (kindFit(r.kind, o.kind) === "same") {
    score += WEIGHTS.kind;
    reasons.push({ code: "same_kind", params: { kind: o.kind } });
  } else {
    score += WEIGHTS.kind / 2;
    reasons.push({ code: "similar_kind", params: { kind: o.kind, requestedKind: r.kind } });
  }
  const dates = dateFit(r, o);
  if (dates === "within") {
    score += WEIGHTS.dates;
    reasons.push({ code: "dates_within", params: { overlapDays: overlapDays(r, o) } });
  } else if (dates === "ongoing") {
    score += WEIGHTS.dates * 0.66;
    reasons.push({ code: "ongoing", params: {} });
  } else {
    score += WEIGHTS.dates * 0.5;
    reasons.push({
      code: "dates_overlap",
      params: { overlapDays: overlapDays(r, o), windowDays: dayCount(...windowOf(r)) },
    });
  }
  if (modalityFit(r.modality, o.modality) === "exact") {
    score += WEIGHTS.modality;
    reasons.push({ code: "modality_exact", params: { modality: o.modality } });
  } else {
    score += WEIGHTS.modality / 2;
    reasons.push({ code: "modality_compatible", params: { requested: r.modality, offered: o.modality } });
  }
  if (r.schoolCity && o.city && r.schoolCity.toLowerCase() === o.city.toLowerCase()) {
    score += WEIGHTS.city;
    reasons.push({ code: "same_city", params: { city: o.city } });
  }
  if (e.hostAgainAnswers > 0) {
    const rate = e.hostAgainYes / e.hostAgainAnswers;
    score += WEIGHTS.history * rate;
    if (rate >= 0.5) reasons.push({ code: "host_again", params: { yes: e.hostAgainYes, answers: e.hostAgainAnswers } });
  } else {
    score += WEIGHTS.history / 2;
    reasons.push({ code: "new_employer", params: {} });
  }
  if (e.askCapPerMonth !== null && e.asksThisMonth >= e.askCapPerMonth) {
    score -= WEIGHTS.askPenalty;
    reasons.push({ code: "ask_cap_reached", params: { asks: e.asksThisMonth, cap: e.askCapPerMonth } });
  } else if (e.asksThisMonth > 0) {
    const load = e.askCapPerMonth ? e.asksThisMonth / e.askCapPerMonth : Math.min(1, e.asksThisMonth / 8);
    score -= WEIGHTS.askPenalty * load * 0.6;
    reasons.push({ code: "asked_often", params: { asks: e.asksThisMonth, cap: e.askCapPerMonth } });
  }
  if (e.duplicateAsk) reasons.push({ code: "duplicate_ask", params: {} });
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}

/** Whether an ask to this employer could be sent now (not at its monthly ask cap). */
export function bookableNow(e: Pick<EmployerFacts, "asksThisMonth" | "askCapPerMonth">): boolean {
  return e.askCapPerMonth === null || e.asksThisMonth < e.askCapPerMonth;
}

/**
 * Suggestions in the order to offer them: every bookable one before any that cannot be booked
 * now, then best score first, then the sooner engagement (undated last), then by id.
 */
export function compareSuggestions<T extends { bookable: boolean; score: number; startsAt: Date | null; id: string }>(
  a: T,
  b: T,
): number {
  return (
    Number(b.bookable) - Number(a.bookable) ||
    b.score - a.score ||
    startOrLast(a.startsAt) - startOrLast(b.startsAt) ||
    a.id.localeCompare(b.id)
  );
}

/** A start in ms, undated last. (Not a closure in `compareSuggestions`: a sort calls it thousands of times.) */
function startOrLast(d: Date | null): number {
  return d?.getTime() ?? Number.MAX_SAFE_INTEGER;
}

/** Calendar days (UTC) from the day of `from` to the day of `to`, both counted. */
function dayCount(from: number, to: number): number {
  return differenceInCalendarDays(to, from, { in: utc }) + 1;
}

/** Days the opportunity's dates share with the window; an open end runs to the window's edge. */
function overlapDays(r: RequestFacts, o: Pick<OpportunityFacts, "startsAt" | "endsAt">): number {
  const [ws, we] = windowOf(r);
  const os = o.startsAt?.getTime() ?? ws;
  const oe = o.endsAt?.getTime() ?? (o.startsAt ? os : we);
  return Math.max(0, dayCount(Math.max(os, ws), Math.min(oe, we)));
}
