import type { GuardianLanguage } from "../placements/students.ts";
import { type ProblemCatalogue, PROBLEMS_EN } from "./catalogue.en.ts";
import { PROBLEMS_ES } from "./catalogue.es.ts";

export type ProblemKey = keyof ProblemCatalogue;
type ParamsOf<K extends ProblemKey> = Parameters<ProblemCatalogue[K]>;

/**
 * A problem sentence as data: its catalogue key and the facts it names. Errors carry this, not
 * English, so the API words it in the reader's language when it answers.
 */
export interface ProblemText<K extends ProblemKey = ProblemKey> {
  key: K;
  params: ParamsOf<K>[0];
}

const CATALOGUES: Record<GuardianLanguage, ProblemCatalogue> = { en: PROBLEMS_EN, es: PROBLEMS_ES };

/** `say("seats-left", { count: 2 })`: the key and its params, checked against the catalogue. */
export function say<K extends ProblemKey>(key: K, ...params: ParamsOf<K>): ProblemText<K> {
  return { key, params: params[0] as ParamsOf<K>[0] };
}

/** The sentence in `language`. */
export function renderProblemText(text: ProblemText, language: GuardianLanguage): string {
  // One entry's function takes exactly its own params; the union of all entries cannot be called
  // without widening, and `say` already checked the pair.
  const render = CATALOGUES[language][text.key] as (params: unknown) => string;
  return render(text.params);
}

/** Ours when it came from the catalogue; `verbatim` wraps text we pass along (a parser's message). */
export function verbatim(text: string): ProblemText<"verbatim"> {
  return say("verbatim", { text });
}
