/**
 * How catalog search reads a query and decides what matches, as people type: word starts
 * ("nurs" finds nurse and nursing), a word's plain English endings dropped ("nursing" finds
 * nurse), and one slip of a key on words of five letters or more ("nursng", "wledding").
 * The syntax is the web-search one people know: `"exact phrase"`, `or` between alternatives,
 * `-word` to leave out. Every word given must match (except across `or`).
 *
 * Ranking: each part of the query scores where it matched best — the title (4), the sector
 * (2), the description (1) — doubled when a whole word matched as typed; an opportunity's
 * score is the sum over the parts, and ties go newest first. These rules are the one
 * definition the API's in-memory index and the tests' SQL oracle both follow.
 */

/** Where a word can match, and what a match there weighs. */
export const SEARCH_FIELDS = ["title", "sector", "description"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export const FIELD_WEIGHT: Record<SearchField, number> = { title: 4, sector: 2, description: 1 };

/** One thing to look for: a word, or a phrase (several words in a row). */
export interface SearchTerm {
  /** The words as typed, folded (lowercase, no accents). */
  words: string[];
}

/**
 * A parsed query: every group must match (a group matches when any of its terms does, the
 * `or` alternatives), and no excluded term may. No groups and no exclusions means no text
 * condition, unless `nothing`: the query had text but not one word to look for ("the", "!?"),
 * which finds nothing, as the full-text search it replaced did.
 */
export interface ParsedSearch {
  groups: SearchTerm[][];
  excluded: SearchTerm[];
  nothing?: boolean;
}

/**
 * Words too common to narrow anything (PostgreSQL's English list, the part people type):
 * left out of queries, as the full-text search they replace did.
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by for from has have how i if in into is it its of on or our so " +
    "than that the their them then there these they this to was we were what when where which " +
    "who will with you your"
  ).split(" "),
);

/** Lowercase, accents off (é → e, ñ → n), so "Técnico" and "tecnico" are one word. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The words of a text: runs of letters a–z and digits after folding; anything else separates. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Longest endings first; one is dropped when at least four letters stay. */
const ENDINGS = ["ings", "ing", "ions", "ion", "ers", "ies", "er", "es", "ed", "s"];

/**
 * The start every matching word must have: the word itself, or the word without one plain
 * English ending ("nursing" → "nurs", "hospitals" → "hospital"), so a query finds the other
 * forms of its word without a dictionary.
 */
export function wordStart(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** Typos are forgiven on query words this long or longer. */
export const TYPO_MIN_LENGTH = 5;

/** At most one edit apart: one letter changed, added or missing, or two neighbours swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < la; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        if (++diffs === 1) first = i;
        else if (diffs > 2) return false;
      }
    }
    if (diffs === 1) return true;
    // Two differences: a swap of neighbours ("wlding" / "wdling").
    return a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
  }
  const [short, long] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  return short.slice(i) === long.slice(i + 1);
}

export type WordMatch = "exact" | "partial" | null;

/**
 * Whether a document word answers a query word: `exact` when it is the word as typed,
 * `partial` when it starts with the query word's start (`wordStart`), or — for query words of
 * `TYPO_MIN_LENGTH` letters or more — when the query word is within one edit of the document
 * word or of one of its starts (so a typo in a word still being typed is forgiven too).
 */
export function matchWord(query: string, doc: string): WordMatch {
  if (doc === query) return "exact";
  if (doc.startsWith(wordStart(query))) return "partial";
  return query.length >= TYPO_MIN_LENGTH && oneEditFromAStart(query, doc) ? "partial" : null;
}

/**
 * Whether `query` is within one edit (`withinOneEdit`) of a start of `doc` — of `doc`'s first
 * `query.length - 1`, `query.length` or `query.length + 1` letters — worked out without
 * building those starts: after the first difference, the rest must line up for one of the
 * four edits. The index runs it over a region's whole vocabulary for each typo-tolerant word.
 */
export function oneEditFromAStart(query: string, doc: string): boolean {
  const n = query.length;
  const m = doc.length;
  let i = 0;
  while (i < n && i < m && query.charCodeAt(i) === doc.charCodeAt(i)) i++;
  if (i >= n - 1) return m >= n - 1; // all but perhaps the last letter agree: drop it, or it is a start
  return (
    restAgrees(query, i + 1, doc, i + 1) || // one letter changed
    restAgrees(query, i, doc, i + 1) || // one letter missing from the query
    restAgrees(query, i + 1, doc, i) || // one letter too many in the query
    (i + 1 < m && query[i] === doc[i + 1] && query[i + 1] === doc[i] && restAgrees(query, i + 2, doc, i + 2)) // neighbours swapped
  );
}

/** Whether query[qFrom…) equals doc[dFrom…dFrom + its length). (A function of its own: one made per call costs in a loop over a vocabulary.) */
function restAgrees(query: string, qFrom: number, doc: string, dFrom: number): boolean {
  const n = query.length;
  if (dFrom + n - qFrom > doc.length) return false;
  for (let k = qFrom; k < n; k++) if (query.charCodeAt(k) !== doc.charCodeAt(dFrom + k - qFrom)) return false;
  return true;
}

/**
 * How a term matches a field's words: a word term anywhere, a phrase only as consecutive words;
 * `exact` when every word matched as typed.
 */
export function matchTerm(term: SearchTerm, fieldWords: readonly string[]): WordMatch {
  const n = term.words.length;
  let best: WordMatch = null;
  for (let start = 0; start + n <= fieldWords.length; start++) {
    let all: WordMatch = "exact";
    for (let j = 0; j < n && all; j++) {
      const m = matchWord(term.words[j]!, fieldWords[start + j]!);
      if (m === null) all = null;
      else if (m === "partial") all = "partial";
    }
    if (all === "exact") return "exact";
    if (all) best = all;
  }
  return best;
}

/** What a term scores on a document's fields: the best field's weight, doubled for an exact match; 0 when it does not match. */
export function termScore(term: SearchTerm, fields: Record<SearchField, readonly string[]>): number {
  let best = 0;
  for (const field of SEARCH_FIELDS) {
    const m = matchTerm(term, fields[field]);
    if (m) best = Math.max(best, FIELD_WEIGHT[field] * (m === "exact" ? 2 : 1));
  }
  return best;
}

/**
 * A document's score for a parsed query, or null when it does not match: every group must
 * score (its best term counts), no excluded term may match. With no groups (only words left
 * out, or only common words) everything else matches with score 0. The straightforward
 * definition; the API's index computes the same numbers from its postings.
 */
export function scoreDocument(search: ParsedSearch, fields: Record<SearchField, readonly string[]>): number | null {
  if (search.nothing) return null;
  for (const term of search.excluded) if (termScore(term, fields) > 0) return null;
  let total = 0;
  for (const group of search.groups) {
    let best = 0;
    for (const term of group) best = Math.max(best, termScore(term, fields));
    if (best === 0) return null;
    total += best;
  }
  return total;
}

/** Queries are cut to this many terms: a longer one narrows nothing more and only costs time. */
export const MAX_SEARCH_TERMS = 12;

/**
 * Reads a query the web-search way: `"a phrase"`, `or` between two terms, `-term` to leave one
 * out; other punctuation separates words ("e-commerce" is the phrase "e commerce"). Common
 * English words are dropped, unless they are inside quotes.
 */
export function parseSearch(q: string): ParsedSearch {
  const groups: SearchTerm[][] = [];
  const excluded: SearchTerm[] = [];
  let pendingOr = false;
  let terms = 0;
  for (const token of q.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (terms >= MAX_SEARCH_TERMS) break;
    const quoted = token[2] !== undefined;
    const raw = quoted ? token[2]! : token[3]!;
    const negated = quoted ? token[1] === "-" : raw.startsWith("-") && raw.length > 1;
    if (!quoted && !negated && raw.toLowerCase() === "or") {
      pendingOr = groups.length > 0;
      continue;
    }
    const words = wordsOf(quoted ? raw : raw.replace(/^-/, "")).filter((w) => quoted || !STOP_WORDS.has(w));
    if (words.length === 0) continue;
    terms++;
    const term: SearchTerm = { words };
    if (negated) excluded.push(term);
    else if (pendingOr) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    pendingOr = false;
  }
  return groups.length === 0 && excluded.length === 0 && q.trim() !== ""
    ? { groups, excluded, nothing: true }
    : { groups, excluded };
}
