import type { FieldProblem } from "../errors.ts";
import { say } from "../problems/problem-text.ts";
import type { Rubric } from "./events.ts";

/**
 * Checks a (possibly partial) rubric save: every key a criterion of the rubric, every value a
 * whole number within min..max. Partial is allowed because the interviewer saves as they tap;
 * `complete` says whether every criterion has a score (only complete ones count as done).
 */
export function checkRubricScores(
  rubric: Rubric,
  scores: Record<string, number>,
): { problems: FieldProblem[]; complete: boolean } {
  const known = new Set(rubric.criteria.map((c) => c.key));
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const path = `scores.${key}`;
    if (!known.has(key)) problems.push({ path, text: say("score-unknown-criterion") });
    else if (!Number.isInteger(value)) problems.push({ path, text: say("field.whole-number") });
    else if (value < rubric.min) problems.push({ path, text: say("field.at-least", { minimum: rubric.min }) });
    else if (value > rubric.max) problems.push({ path, text: say("field.at-most", { maximum: rubric.max }) });
  }
  return { problems, complete: rubric.criteria.every((c) => scores[c.key] !== undefined) };
}

/** "Maya Zamorano" → "Maya Z.": what a volunteer may know of a student (least data: most are minors). */
export function firstNameLastInitial(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0);
  return initial ? `${firstName} ${initial.toUpperCase()}.` : firstName;
}
