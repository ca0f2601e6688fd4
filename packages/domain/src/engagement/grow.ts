import type { Kind, Level } from "../enums.ts";
import type { GuardianLanguage } from "../placements/students.ts";

/**
 * "The next ask": which employers are ready for a slightly bigger step along the continuum
 * (domain.md: start with small asks and grow them). Pure rules over one employer's history;
 * the API gathers the facts, the intermediary's grow list shows what these return.
 */
export const GROW_RULES = ["talks-to-shadow", "shadows-to-intern", "interns-to-externship"] as const;
export type GrowRule = (typeof GROW_RULES)[number];

/** An invitation for the same kind within this many days keeps the employer off the list for it. */
export const GROW_REINVITE_DAYS = 90;

/** Student levels in order; the educator level is not a step on it. */
const STUDENT_LEVEL_RANK: Partial<Record<Level, number>> = { exposure: 1, engagement: 2, experience: 3 };

export interface GrowFacts {
  /** Completed exposure asks (guest talks, tours, fairs) rated ≥ 4 by every rater, all saying "host again". */
  goodExposure: number;
  /** Completed job shadows (matches or placements). */
  completedShadows: number;
  /** Completed experience-level placements or matches (internships, apprenticeships, paid work). */
  completedExperience: number;
  /** Of those, ones nobody said "not again" about. */
  goodExperience: number;
  /** The highest student level of anything completed with the employer, or null. */
  highestLevel: Level | null;
  /** Kinds the employer has already completed at least once. */
  completedKinds: Kind[];
  /** Grow invitations already sent. */
  invitations: { kind: Kind; sentAt: Date }[];
}

export interface GrowSuggestion {
  rule: GrowRule;
  /** The kind the employer is invited to host. */
  kind: Kind;
  /** Ranking strength: how far past the rule's threshold (1 = just met). */
  strength: number;
  /** The count the reason names. */
  count: number;
}

interface RuleDef {
  rule: GrowRule;
  kind: Kind;
  /** The step's level (educator: not on the student scale). */
  level: Level;
  threshold: number;
  count(f: GrowFacts): number;
}

const RULES: RuleDef[] = [
  { rule: "talks-to-shadow", kind: "job_shadow", level: "engagement", threshold: 2, count: (f) => f.goodExposure },
  {
    rule: "shadows-to-intern",
    kind: "internship",
    level: "experience",
    threshold: 3,
    count: (f) => f.completedShadows,
  },
  {
    rule: "interns-to-externship",
    kind: "teacher_externship",
    level: "educator",
    threshold: 2,
    count: (f) => f.goodExperience,
  },
];

const DAY_MS = 24 * 3600_000;

/** Already there: at or above the step's level on the student scale, or (educator step) has hosted that kind. */
function alreadyAt(def: RuleDef, f: GrowFacts): boolean {
  const target = STUDENT_LEVEL_RANK[def.level];
  if (target === undefined) return f.completedKinds.includes(def.kind);
  const reached = f.highestLevel ? (STUDENT_LEVEL_RANK[f.highestLevel] ?? 0) : 0;
  return reached >= target;
}

function invitedRecently(def: RuleDef, f: GrowFacts, now: Date): boolean {
  return f.invitations.some(
    (i) => i.kind === def.kind && now.getTime() - i.sentAt.getTime() < GROW_REINVITE_DAYS * DAY_MS,
  );
}

/** The rules an employer meets now, strongest first. */
export function growSuggestions(f: GrowFacts, now: Date): GrowSuggestion[] {
  return RULES.filter((def) => def.count(f) >= def.threshold && !alreadyAt(def, f) && !invitedRecently(def, f, now))
    .map((def) => ({ rule: def.rule, kind: def.kind, count: def.count(f), strength: def.count(f) / def.threshold }))
    .sort((a, b) => b.strength - a.strength);
}

/** The kind each rule invites to (the API checks a posted {kind, rule} pair against it). */
export const GROW_RULE_KIND: Record<GrowRule, Kind> = Object.fromEntries(RULES.map((r) => [r.rule, r.kind])) as Record<
  GrowRule,
  Kind
>;

const REASONS: Record<GuardianLanguage, Record<GrowRule, (n: number) => string>> = {
  en: {
    "talks-to-shadow": (n) =>
      `${n} guest talks or tours rated 4 or 5, and they would host again: invite them to host a job shadow.`,
    "shadows-to-intern": (n) => `${n} job shadows completed: invite them to host an intern.`,
    "interns-to-externship": (n) =>
      `${n} internships or work experiences completed, and they would host again: invite them to host a teacher externship.`,
  },
  es: {
    "talks-to-shadow": (n) =>
      `${n} charlas o visitas valoradas con 4 o 5, y volverían a participar: invítelos a recibir estudiantes de observación.`,
    "shadows-to-intern": (n) => `${n} jornadas de observación completadas: invítelos a recibir un practicante.`,
    "interns-to-externship": (n) =>
      `${n} prácticas o experiencias laborales completadas, y volverían a participar: invítelos a recibir a un docente en prácticas.`,
  },
};

/** Why the employer is on the grow list, in the reader's language. */
export function growReason(s: Pick<GrowSuggestion, "rule" | "count">, language: GuardianLanguage): string {
  return REASONS[language][s.rule](s.count);
}

const HISTORY: Record<GuardianLanguage, Record<GrowRule, (n: number) => string>> = {
  en: {
    "talks-to-shadow": (n) => `${n} guest talks or tours that teachers rated highly.`,
    "shadows-to-intern": (n) => `${n} job shadows.`,
    "interns-to-externship": (n) => `${n} internships or work experiences.`,
  },
  es: {
    "talks-to-shadow": (n) => `${n} charlas o visitas muy bien valoradas por el profesorado.`,
    "shadows-to-intern": (n) => `${n} jornadas de observación.`,
    "interns-to-externship": (n) => `${n} prácticas o experiencias laborales.`,
  },
};

/** What the employer did, as the invitation thanks them for it (the employer's language). */
export function growHistory(s: Pick<GrowSuggestion, "rule" | "count">, language: GuardianLanguage): string {
  return HISTORY[language][s.rule](s.count);
}
