import {
  FIELD_WEIGHT,
  oneEditFromAStart,
  type ParsedSearch,
  SEARCH_FIELDS,
  type SearchTerm,
  TYPO_MIN_LENGTH,
  wordsOf,
  wordStart,
} from "@bridgework/domain";
import type { CatalogDoc } from "./catalog-doc.ts";

/** Field bits in a posting; a posting is `position << 3 | bits`. */
const FIELD_BIT = { title: 1, sector: 2, description: 4 } as const;
/** Best weight for each combination of field bits (title 4, sector 2, description 1). */
const MASK_WEIGHT = Array.from({ length: 8 }, (_, mask) =>
  Math.max(0, ...SEARCH_FIELDS.filter((f) => mask & FIELD_BIT[f]).map((f) => FIELD_WEIGHT[f])),
);

/**
 * An inverted index over a fixed list of documents: the sorted vocabulary, and for each word
 * the positions of the documents holding it with the fields it is in. Built once; the catalog
 * points `docs[position]` at a newer version of a document when only its filters changed, and
 * marks a position `stale` when its text changed (the new version then lives in the overlay).
 */
export class TextIndex {
  readonly docs: CatalogDoc[];
  readonly stale: Uint8Array;
  private readonly words: string[];
  private readonly postings: Int32Array[];
  /** What each query word expands to (vocabulary positions, whether exact): a word typed again is not looked up again. */
  private readonly expansions = new Map<string, Int32Array>();

  /** Each document's fields as vocabulary positions in order (title, sector, description), for phrases. */
  private readonly sequences: Int32Array[][];

  constructor(docs: CatalogDoc[]) {
    this.docs = docs;
    this.stale = new Uint8Array(docs.length);
    const ids = new Map<string, number>();
    const seen: string[] = [];
    const lists: number[][] = [];
    this.sequences = docs.map((doc, position) => {
      const bits = new Map<number, number>();
      const fields = SEARCH_FIELDS.map((field) => {
        const words = wordsOf(
          field === "title" ? doc.row.title : field === "sector" ? doc.row.sector : doc.row.description,
        );
        const sequence = new Int32Array(words.length);
        words.forEach((word, k) => {
          let id = ids.get(word);
          if (id === undefined) {
            id = seen.length;
            ids.set(word, id);
            seen.push(word);
            lists.push([]);
          }
          sequence[k] = id;
          bits.set(id, (bits.get(id) ?? 0) | FIELD_BIT[field]);
        });
        return sequence;
      });
      for (const [id, mask] of bits) lists[id]!.push((position << 3) | mask);
      return fields;
    });
    // The vocabulary sorted (word starts are then ranges); sequences renumbered to match.
    const order = seen.map((_, i) => i).sort((a, b) => (seen[a]! < seen[b]! ? -1 : 1));
    const rank = new Int32Array(seen.length);
    order.forEach((id, sorted) => (rank[id] = sorted));
    this.words = order.map((id) => seen[id]!);
    this.postings = order.map((id) => Int32Array.from(lists[id]!));
    for (const fields of this.sequences)
      for (const sequence of fields) for (let k = 0; k < sequence.length; k++) sequence[k] = rank[sequence[k]!]!;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * The positions matching a parsed query (ascending: newest first) and their scores (read at
   * those positions), following the domain's `scoreDocument`: each group's best term summed;
   * a position failing a group, matching an excluded term, or stale is left out. Only the
   * positions the postings reach are visited, never the whole index.
   */
  score(search: ParsedSearch): { positions: Int32Array; scores: Uint8Array } {
    const n = this.docs.length;
    const total = new Uint8Array(n);
    let positions: number[];
    if (search.groups.length === 0) {
      total.fill(1); // only words left out: everything else matches
      positions = Array.from({ length: n }, (_, p) => p);
    } else {
      positions = [];
      search.groups.forEach((group, g) => {
        const best = new Uint8Array(n);
        const reached: number[] = [];
        for (const term of group) this.termScores(term, best, reached);
        if (g === 0) positions = reached;
        else positions = positions.filter((p) => best[p]! > 0);
        for (const p of positions) total[p] = Math.min(255, total[p]! + best[p]!);
      });
    }
    for (const term of search.excluded) {
      const hit = new Uint8Array(n);
      this.termScores(term, hit, null);
      positions = positions.filter((p) => hit[p] === 0);
    }
    return { positions: Int32Array.from(positions.filter((p) => this.stale[p] === 0)).sort(), scores: total };
  }

  /** Raises `into[position]` to the term's score where the term matches; `reached` collects the positions it makes non-zero. */
  private termScores(term: SearchTerm, into: Uint8Array, reached: number[] | null): void {
    if (term.words.length === 1) {
      this.wordScores(term.words[0]!, into, reached);
      return;
    }
    // A phrase: positions holding every word somewhere, then checked in order, each word
    // against what it expands to (2: as typed, 1: otherwise).
    let candidates: number[] = [];
    const levels: Uint8Array[] = [];
    term.words.forEach((word, w) => {
      const has = new Uint8Array(this.docs.length);
      const first: number[] = [];
      this.wordScores(word, has, w === 0 ? first : null);
      candidates = w === 0 ? first : candidates.filter((p) => has[p]! > 0);
      const level = new Uint8Array(this.words.length);
      for (const entry of this.expand(word)) level[entry >> 1] = entry & 1 ? 2 : Math.max(1, level[entry >> 1]!);
      levels.push(level);
    });
    for (const p of candidates) {
      // Fields in order of weight: a match in one outscores (or ties) any match in the later
      // ones (title 4–8, sector 2–4, description 1–2), so the first field that matches decides.
      const fields = this.sequences[p]!;
      let best = 0;
      for (let f = 0; f < SEARCH_FIELDS.length && best === 0; f++) {
        best = FIELD_WEIGHT[SEARCH_FIELDS[f]!] * phraseIn(levels, fields[f]!);
      }
      if (best > into[p]!) {
        if (reached && into[p] === 0) reached.push(p);
        into[p] = best;
      }
    }
  }

  private wordScores(query: string, into: Uint8Array, reached: number[] | null): void {
    const expansion = this.expand(query);
    for (let i = 0; i < expansion.length; i++) {
      const entry = expansion[i]!;
      const exact = entry & 1 ? 2 : 1;
      const list = this.postings[entry >> 1]!;
      for (let j = 0; j < list.length; j++) {
        const posting = list[j]!;
        const position = posting >> 3;
        const score = MASK_WEIGHT[posting & 7]! * exact;
        if (score > into[position]!) {
          if (reached && into[position] === 0) reached.push(position);
          into[position] = score;
        }
      }
    }
  }

  /** Vocabulary positions matching a query word (`position << 1 | exact`): its start's range, then typos over the rest. */
  private expand(query: string): Int32Array {
    const known = this.expansions.get(query);
    if (known) return known;
    const found: number[] = [];
    const start = wordStart(query);
    const first = lowerBound(this.words, start);
    let i = first;
    for (; i < this.words.length && this.words[i]!.startsWith(start); i++)
      found.push((i << 1) | (this.words[i] === query ? 1 : 0));
    if (query.length >= TYPO_MIN_LENGTH) {
      const shortest = query.length - 1;
      for (let w = 0; w < this.words.length; w++) {
        if (w === first) w = i; // the start's range is in already
        const word = this.words[w];
        if (word !== undefined && word.length >= shortest && oneEditFromAStart(query, word)) found.push(w << 1);
      }
    }
    const expansion = Int32Array.from(found);
    if (this.expansions.size >= 10_000) this.expansions.clear();
    this.expansions.set(query, expansion);
    return expansion;
  }
}

/** A phrase's best run in a field (2: every word as typed, 1: otherwise, 0: none). */
function phraseIn(levels: Uint8Array[], sequence: Int32Array): number {
  let best = 0;
  for (let start = 0; start + levels.length <= sequence.length; start++) {
    let m = 2;
    for (let j = 0; j < levels.length && m; j++) m = Math.min(m, levels[j]![sequence[start + j]!]!);
    if (m > best && (best = m) === 2) break;
  }
  return best;
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
