import {
  FIELD_WEIGHT,
  oneEditFromAStart,
  type ParsedSearch,
  SEARCH_FIELDS,
  type SearchField,
  type SearchTerm,
  TYPO_MIN_LENGTH,
  wordsOf,
  wordStart,
} from "@bridgework/domain";
import type { CatalogDoc } from "./catalog-doc.ts";
import { type Codes, DocColumns } from "./doc-columns.ts";

/** Field bits in a posting (bit `f` for `SEARCH_FIELDS[f]`); a posting is `position << 3 | bits`. */
const FIELD_BIT = Object.fromEntries(SEARCH_FIELDS.map((field, f) => [field, 1 << f])) as Record<SearchField, number>;
const FIELD_COUNT = SEARCH_FIELDS.length;
/** A word in at least this share of the documents also gets a dense array (the fields holding it, per position). */
const DENSE_SHARE = 1 / 8;
/** Each field's weight by its number (`SEARCH_FIELDS` order). */
const WEIGHT_AT = SEARCH_FIELDS.map((field) => FIELD_WEIGHT[field]);
/** Best weight for each combination of field bits (title 4, sector 2, description 1). */
const MASK_WEIGHT = Array.from({ length: 8 }, (_, mask) =>
  Math.max(0, ...SEARCH_FIELDS.filter((f) => mask & FIELD_BIT[f]).map((f) => FIELD_WEIGHT[f])),
);

/**
 * An inverted index over a fixed list of documents: the sorted vocabulary, and for each word
 * the positions of the documents holding it with the fields it is in; beside it, the filters'
 * fields as columns (`DocColumns`). Built once; the catalog points a position at a newer
 * version of its document when only its filters changed (`replace`), and marks it stale when
 * its text changed (the new version then lives in the overlay).
 */
export class TextIndex {
  readonly docs: CatalogDoc[];
  readonly columns: DocColumns;
  private readonly stale: Uint8Array;
  private readonly staleList: number[] = [];
  private readonly words: string[];
  private readonly postings: Int32Array[];
  /** What each query word expands to (vocabulary positions, whether exact): a word typed again is not looked up again. */
  private readonly expansions = new Map<string, Int32Array>();
  /** The vocabulary positions of the words with each second letter (by char code), for typos. */
  private readonly bySecondLetter = new Map<number, number[]>();
  private typoScratch: Uint8Array | null = null;
  /** Each field's words in every document as vocabulary positions (`SEARCH_FIELDS` order), for phrases. */
  private readonly fields: FieldTokens[];
  /** For the words in `DENSE_SHARE` of the documents or more: the fields holding it at each position (bits as in a posting; 0: none). */
  private readonly dense = new Map<number, Uint8Array>();
  /** Postings of each pair of words next to each other in a field (key `first * vocabulary size + second`), for two-word phrases. */
  private readonly pairs: Map<number, Int32Array>;
  /**
   * When to take the other way (the answers are the same; tests force each): a group narrows
   * by reading documents while those left times `readCost` (words per document, on average) is
   * below its postings; a first group is scored in place when it reaches `inPlaceFrom` or more;
   * a two-word phrase reads its pairs' postings when its words expand to `pairsUpTo` pairs or
   * fewer (each is a lookup), else checks the documents holding its rarest word; a common word
   * narrowing fewer positions than its postings is read at those positions (`denseReads`).
   */
  readonly tuning: { readCost: number; inPlaceFrom: number; pairsUpTo: number; denseReads: boolean };
  private readonly buffers: Uint8Array[] = [];
  /** Position lists kept between queries (each holds distinct positions, so at most all of them). */
  private readonly lists = {
    reached: new PositionList(0),
    excluded: new PositionList(0),
    candidates: new PositionList(0),
  };

  constructor(docs: CatalogDoc[], codes: Codes) {
    this.docs = docs;
    this.columns = new DocColumns(docs, codes);
    this.stale = new Uint8Array(docs.length);
    const ids = new Map<string, number>();
    const seen: string[] = [];
    const lists: number[][] = [];
    const fields = SEARCH_FIELDS.map(() => new FieldTokensBuilder(docs.length));
    docs.forEach((doc, position) => {
      const bits = new Map<number, number>();
      SEARCH_FIELDS.forEach((field, f) => {
        const words = wordsOf(
          field === "title" ? doc.row.title : field === "sector" ? doc.row.sector : doc.row.description,
        );
        for (const word of words) {
          let id = ids.get(word);
          if (id === undefined) {
            id = seen.length;
            ids.set(word, id);
            seen.push(word);
            lists.push([]);
          }
          fields[f]!.push(id);
          bits.set(id, (bits.get(id) ?? 0) | FIELD_BIT[field]);
        }
        fields[f]!.endDocument();
      });
      for (const [id, mask] of bits) lists[id]!.push((position << 3) | mask);
    });
    // The vocabulary sorted (word starts are then ranges); tokens renumbered to match.
    const order = seen.map((_, i) => i).sort((a, b) => (seen[a]! < seen[b]! ? -1 : 1));
    const rank = new Int32Array(seen.length);
    order.forEach((id, sorted) => (rank[id] = sorted));
    this.words = order.map((id) => seen[id]!);
    this.words.forEach((word, w) => {
      if (word.length < 2) return;
      const letter = word.charCodeAt(1);
      const list = this.bySecondLetter.get(letter);
      if (list) list.push(w);
      else this.bySecondLetter.set(letter, [w]);
    });
    this.postings = order.map((id) => Int32Array.from(lists[id]!));
    this.fields = fields.map((builder) => builder.build(rank));
    this.pairs = pairPostings(this.fields, docs.length, this.words.length);
    this.postings.forEach((list, w) => {
      if (list.length < docs.length * DENSE_SHARE) return;
      const fieldsAt = new Uint8Array(docs.length);
      for (const posting of list) fieldsAt[posting >> 3] = posting & 7;
      this.dense.set(w, fieldsAt);
    });
    this.tuning = {
      readCost: docs.length ? fields.reduce((sum, b) => sum + b.size, 0) / docs.length : 0,
      inPlaceFrom: docs.length / 4,
      pairsUpTo: 256,
      denseReads: true,
    };
  }

  get size(): number {
    return this.docs.length;
  }

  isStale(position: number): boolean {
    return this.stale[position] === 1;
  }

  /** The text at `position` changed: it no longer matches from here (its new version is the overlay's). */
  markStale(position: number): void {
    if (this.stale[position]) return;
    this.stale[position] = 1;
    this.staleList.push(position);
  }

  /** Points `position` at a newer version of its document whose text is the same. */
  replace(position: number, doc: CatalogDoc): void {
    this.docs[position] = doc;
    this.columns.set(position, doc);
  }

  /**
   * The positions matching a parsed query and their scores (read at those positions), following
   * the domain's `scoreDocument`: each group's best term summed; a position failing a group,
   * matching an excluded term, or stale is left out. With no groups every position matches with
   * score 1. Only the positions the postings reach are visited. The positions are distinct and
   * come in the order found: ascending (newest first) when `ascending` says so — the page is
   * put in order later, which costs far less than ordering every match. Both arrays are valid
   * until the next call.
   */
  match(search: ParsedSearch): { positions: Int32Array; ascending: boolean; scores: Uint8Array } {
    const n = this.docs.length;
    const total = this.scratch(0);
    let reached: PositionList | null = null;
    // Every group must match, in any order: the one reaching fewest documents first, so the
    // others only narrow what it found.
    const groups = search.groups
      .map((group) => ({ group, reach: this.reach(group) }))
      .sort((a, b) => a.reach - b.reach);
    for (const { group, reach } of groups) {
      if (reached === null) reached = this.first(group, reach, total);
      else this.narrow(reached, group, reach, total);
    }
    if (reached === null) {
      // Everything not left out matches: every position, in order.
      total.fill(1);
      reached = this.lists.reached.clear();
      reached.reserve(n);
      for (let p = 0; p < n; p++) reached.items[p] = p;
      reached.length = n;
    }
    let dropped = false;
    for (const term of search.excluded) dropped = this.exclude(term, reached, total) || dropped;
    for (const p of this.staleList) {
      dropped ||= total[p] !== 0;
      total[p] = 0;
    }
    if (dropped) reached.keepScored(total);
    return { positions: reached.view(), ascending: reached.ascending, scores: total };
  }

  /** The first group's positions and scores (into `total`). */
  private first(group: SearchTerm[], reach: number, total: Uint8Array): PositionList {
    const reached = this.lists.reached.clear();
    if (reach < this.tuning.inPlaceFrom) {
      for (const term of group) this.termScores(term, total, reached);
    } else {
      // Most documents: scored in place, then found by one pass in order.
      for (const term of group) this.termScores(term, total, null);
      for (let p = 0; p < this.docs.length; p++) if (total[p] !== 0) reached.push(p);
    }
    return reached;
  }

  /**
   * Keeps the positions a later group also matches, adding its score: the group's best score
   * at each position worked out through its postings or, when what is left is small beside
   * them, by reading those documents' words.
   */
  private narrow(reached: PositionList, group: SearchTerm[], reach: number, total: Uint8Array): void {
    const best = this.scratch(1);
    const items = reached.items;
    const length = reached.length;
    if (length * this.tuning.readCost < reach) {
      const levels = group.map((term) => this.levelsOf(term));
      for (let k = 0; k < length; k++) {
        const p = items[k]!;
        let score = 0;
        for (const termLevels of levels) score = Math.max(score, this.scoreAt(p, termLevels));
        best[p] = score;
      }
    } else {
      for (const term of group) {
        if (term.words.length > 1 || !this.tuning.denseReads) this.termScores(term, best, null);
        else
          for (const entry of this.expand(term.words[0]!)) {
            // A common word narrowing fewer positions than it has postings: read at those positions.
            const dense = this.dense.get(entry >> 1);
            const level = entry & 1 ? 2 : 1;
            if (dense !== undefined && length < this.postings[entry >> 1]!.length)
              denseScores(dense, items, length, level, best);
            else this.postingScores(this.postings[entry >> 1]!, level, best, null);
          }
      }
    }
    let kept = 0;
    for (let k = 0; k < length; k++) {
      const p = items[k]!;
      const score = best[p]!;
      if (score > 0) {
        total[p] = Math.min(255, total[p]! + score);
        items[kept++] = p;
      } else total[p] = 0;
    }
    reached.length = kept;
  }

  /** Leaves out (zeroes in `total`) the reached positions matching an excluded term, the cheaper way; says whether any was. */
  private exclude(term: SearchTerm, reached: PositionList, total: Uint8Array): boolean {
    let dropped = false;
    if (reached.length * this.tuning.readCost < this.reach([term])) {
      const levels = this.levelsOf(term);
      for (let k = 0; k < reached.length; k++) {
        const p = reached.items[k]!;
        if (total[p] !== 0 && this.scoreAt(p, levels) > 0) {
          total[p] = 0;
          dropped = true;
        }
      }
      return dropped;
    }
    const hits = this.lists.excluded.clear();
    this.termScores(term, this.scratch(1), hits);
    for (let k = 0; k < hits.length; k++) {
      const p = hits.items[k]!;
      if (total[p] !== 0) {
        total[p] = 0;
        dropped = true;
      }
    }
    return dropped;
  }

  /**
   * Zeroed score arrays, one per use (0: the query's total, 1: a group's or an excluded term's
   * best, 2: a phrase word's), kept between queries: a query runs start to end without
   * yielding, and allocating them each time keeps the garbage collector busy.
   */
  private scratch(use: 0 | 1 | 2): Uint8Array {
    let buffer = this.buffers[use];
    if (!buffer) this.buffers[use] = buffer = new Uint8Array(this.docs.length);
    else buffer.fill(0);
    return buffer;
  }

  /** Raises `into[position]` to the term's score where the term matches; `reached` collects the positions it makes non-zero. */
  private termScores(term: SearchTerm, into: Uint8Array, reached: PositionList | null): void {
    if (term.words.length === 1) {
      this.wordScores(term.words[0]!, into, reached);
      return;
    }
    const expansions = term.words.map((word) => this.expand(word));
    if (expansions.length === 2 && expansions[0]!.length * expansions[1]!.length <= this.tuning.pairsUpTo) {
      // Two words: the postings of each pair they expand to, scored like a word's.
      const size = this.words.length;
      for (const a of expansions[0]!)
        for (const b of expansions[1]!) {
          const list = this.pairs.get((a >> 1) * size + (b >> 1));
          if (list) this.postingScores(list, a & b & 1 ? 2 : 1, into, reached);
        }
      return;
    }
    // A longer phrase (or words that expand to many): checked in order in the fields of the
    // documents holding its rarest word, each word against what it expands to (2: as typed,
    // 1: otherwise).
    const levels = this.levelsOf(term);
    const rarest = expansions.reduce((a, b) => (this.postingCount(b) < this.postingCount(a) ? b : a));
    const masks = this.scratch(2); // the fields each candidate holds the rarest word in
    const candidates = this.lists.candidates.clear();
    for (const entry of rarest) {
      const list = this.postings[entry >> 1]!;
      for (let j = 0; j < list.length; j++) {
        const position = list[j]! >> 3;
        if (masks[position] === 0) candidates.push(position);
        masks[position]! |= list[j]! & 7;
      }
    }
    const fields = this.fields;
    const items = candidates.items;
    for (let k = 0; k < candidates.length; k++) {
      const p = items[k]!;
      // Fields in order of weight: a match in one outscores (or ties) any match in the later
      // ones (title 4–8, sector 2–4, description 1–2), so the first field that matches decides.
      const mask = masks[p]!;
      let best = 0;
      for (let f = 0; f < FIELD_COUNT && best === 0; f++) {
        if (mask & (1 << f)) best = WEIGHT_AT[f]! * fields[f]!.phraseIn(p, levels);
      }
      if (best > into[p]!) {
        if (reached && into[p] === 0) reached.push(p);
        into[p] = best;
      }
    }
  }

  /** For each word of a term, each vocabulary word's level against it (2: as typed, 1: otherwise, 0: no match). */
  private levelsOf(term: SearchTerm): Uint8Array[] {
    return term.words.map((word) => {
      const level = new Uint8Array(this.words.length);
      for (const entry of this.expand(word)) level[entry >> 1] = entry & 1 ? 2 : Math.max(1, level[entry >> 1]!);
      return level;
    });
  }

  /** A term's score on the document at `p`, read from its words (what its postings would give). */
  private scoreAt(p: number, levels: Uint8Array[]): number {
    for (let f = 0; f < FIELD_COUNT; f++) {
      // Fields in order of weight: the first that matches decides (see `termScores`).
      const m = this.fields[f]!.phraseIn(p, levels);
      if (m > 0) return WEIGHT_AT[f]! * m;
    }
    return 0;
  }

  /** How many documents a group's terms reach, at most: a phrase no more than its rarest word. */
  private reach(group: SearchTerm[]): number {
    let count = 0;
    for (const term of group) count += Math.min(...term.words.map((word) => this.postingCount(this.expand(word))));
    return count;
  }

  /** How many documents a query word's expansion reaches, at most (for choosing the rarest). */
  private postingCount(expansion: Int32Array): number {
    let count = 0;
    for (const entry of expansion) count += this.postings[entry >> 1]!.length;
    return count;
  }

  private wordScores(query: string, into: Uint8Array, reached: PositionList | null): void {
    const expansion = this.expand(query);
    for (let i = 0; i < expansion.length; i++) {
      const entry = expansion[i]!;
      this.postingScores(this.postings[entry >> 1]!, entry & 1 ? 2 : 1, into, reached);
    }
  }

  /**
   * Raises `into[position]` to each posting's score (its best field's weight times `level`: 2
   * as typed, 1 otherwise); `reached` collects the positions it makes non-zero.
   */
  private postingScores(list: Int32Array, level: number, into: Uint8Array, reached: PositionList | null): void {
    const weights = MASK_WEIGHT;
    // Written straight into the reached list's buffer (room made first): this loop runs once
    // per posting, and a call per new position was a third of its time.
    const items = reached === null ? null : reached.reserve(list.length).items;
    const from = reached === null ? 0 : reached.length;
    let length = from;
    for (let j = 0; j < list.length; j++) {
      const posting = list[j]!;
      const position = posting >> 3;
      const score = weights[posting & 7]! * level;
      if (score > into[position]!) {
        if (items !== null && into[position] === 0) items[length++] = position;
        into[position] = score;
      }
    }
    if (reached !== null) reached.appended(from, length);
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
      const maybe = this.typoCandidates(query);
      for (let w = 0; w < this.words.length; w++) {
        if (w === first) w = i; // the start's range is in already
        const word = this.words[w];
        if (maybe[w] === 1 && word !== undefined && word.length >= shortest && oneEditFromAStart(query, word))
          found.push(w << 1);
      }
    }
    const expansion = Int32Array.from(found);
    if (this.expansions.size >= 10_000) this.expansions.clear();
    this.expansions.set(query, expansion);
    return expansion;
  }

  /**
   * The vocabulary words a query word could be one edit from a start of (1), the rest 0: an
   * edit at the first letter keeps the second, or moves it first, or moves the first second;
   * any later edit keeps the first. So only words beginning with the query's first or second
   * letter, or with either as their second, need the full check — a few of the vocabulary,
   * where checking every word was a twentieth of a search's time.
   */
  private typoCandidates(query: string): Uint8Array {
    const maybe = (this.typoScratch ??= new Uint8Array(this.words.length));
    maybe.fill(0);
    for (const letter of [query.charCodeAt(0), query.charCodeAt(1)]) {
      const from = lowerBound(this.words, String.fromCharCode(letter));
      const to = lowerBound(this.words, String.fromCharCode(letter + 1));
      maybe.fill(1, from, to);
      for (const w of this.bySecondLetter.get(letter) ?? []) maybe[w] = 1;
    }
    return maybe;
  }
}

/** Raises `best[p]` to a common word's score at each of `items[0…length)`, read from its dense array. */
function denseScores(fieldsAt: Uint8Array, items: Int32Array, length: number, level: number, best: Uint8Array): void {
  const weights = MASK_WEIGHT;
  for (let k = 0; k < length; k++) {
    const p = items[k]!;
    const score = weights[fieldsAt[p]!]! * level;
    if (score > best[p]!) best[p] = score;
  }
}

/** Distinct positions in the order found, in a buffer kept between queries (valid until the next `clear`). */
class PositionList {
  items: Int32Array;
  length = 0;
  /** Whether every position came after the one before (one postings list, or a pass in order): then it needs no sorting. */
  ascending = true;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  clear(): this {
    this.length = 0;
    this.ascending = true;
    return this;
  }

  push(position: number): void {
    if (this.length === this.items.length) this.reserve(1);
    if (this.length > 0 && position < this.items[this.length - 1]!) this.ascending = false;
    this.items[this.length++] = position;
  }

  /** Room for `more` positions past `length`. */
  reserve(more: number): this {
    if (this.length + more > this.items.length) {
      const grown = new Int32Array(Math.max(64, this.items.length * 2, this.length + more));
      grown.set(this.items.subarray(0, this.length));
      this.items = grown;
    }
    return this;
  }

  /** Positions ascending among themselves were written at `from` up to `to`: they are now in the list. */
  appended(from: number, to: number): void {
    if (from > 0 && to > from && this.items[from]! < this.items[from - 1]!) this.ascending = false;
    this.length = to;
  }

  /** Keeps, in order, the positions whose score is not zero. */
  keepScored(scores: Uint8Array): void {
    const items = this.items;
    let kept = 0;
    for (let k = 0; k < this.length; k++) if (scores[items[k]!] !== 0) items[kept++] = items[k]!;
    this.length = kept;
  }

  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }
}

/**
 * The postings of every pair of words next to each other in a field: for each document (in
 * order) and pair, the fields holding it as bits. Two-word phrases ("job shadow") then read
 * one list instead of checking every document holding either word (measured at 100,000
 * opportunities: 0.7–1 ms a phrase before, a fifth of a mixed set of searches' time).
 */
function pairPostings(fields: FieldTokens[], documents: number, vocabulary: number): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  for (let p = 0; p < documents; p++) {
    for (let f = 0; f < fields.length; f++) {
      const { tokens, starts } = fields[f]!;
      const bit = 1 << f;
      for (let k = starts[p]!; k + 1 < starts[p + 1]!; k++) {
        const key = tokens[k]! * vocabulary + tokens[k + 1]!;
        const list = lists.get(key);
        if (list === undefined) lists.set(key, [(p << 3) | bit]);
        else if (list[list.length - 1]! >> 3 === p) list[list.length - 1]! |= bit;
        else list.push((p << 3) | bit);
      }
    }
  }
  const pairs = new Map<number, Int32Array>();
  for (const [key, list] of lists) pairs.set(key, Int32Array.from(list));
  return pairs;
}

/** One field's words in every document, as vocabulary positions, one document after another. */
class FieldTokens {
  constructor(
    readonly tokens: Int32Array,
    /** Where each document's words start; the next entry is where they end. */
    readonly starts: Int32Array,
  ) {}

  /** The phrase's best run in this field of the document at `p` (2: every word as typed, 1: otherwise, 0: none). */
  phraseIn(p: number, levels: Uint8Array[]): number {
    const to = this.starts[p + 1]!;
    if (levels.length <= 2) return this.shortPhraseIn(this.starts[p]!, to, levels[0]!, levels[1]);
    let best = 0;
    for (let start = this.starts[p]!; start + levels.length <= to; start++) {
      let m = 2;
      for (let j = 0; j < levels.length && m; j++) m = Math.min(m, levels[j]![this.tokens[start + j]!]!);
      if (m > best && (best = m) === 2) break;
    }
    return best;
  }

  /** `phraseIn` for one word or two, without the general loop (most terms are one word; most phrases two). */
  private shortPhraseIn(from: number, to: number, first: Uint8Array, second: Uint8Array | undefined): number {
    const tokens = this.tokens;
    let best = 0;
    if (second === undefined) {
      for (let k = from; k < to; k++) {
        const m = first[tokens[k]!]!;
        if (m > best && (best = m) === 2) break;
      }
      return best;
    }
    for (let k = from; k + 1 < to; k++) {
      const a = first[tokens[k]!]!;
      if (a === 0) continue;
      const m = Math.min(a, second[tokens[k + 1]!]!);
      if (m > best && (best = m) === 2) break;
    }
    return best;
  }
}

class FieldTokensBuilder {
  private tokens = new Int32Array(1024);
  private used = 0;
  private readonly starts: Int32Array;
  private documents = 0;

  constructor(documents: number) {
    this.starts = new Int32Array(documents + 1);
  }

  push(word: number): void {
    if (this.used === this.tokens.length) {
      const grown = new Int32Array(this.tokens.length * 2);
      grown.set(this.tokens);
      this.tokens = grown;
    }
    this.tokens[this.used++] = word;
  }

  get size(): number {
    return this.used;
  }

  endDocument(): void {
    this.starts[++this.documents] = this.used;
  }

  /** The tokens renumbered by `rank` (the sorted vocabulary's order). */
  build(rank: Int32Array): FieldTokens {
    const tokens = this.tokens.slice(0, this.used);
    for (let k = 0; k < tokens.length; k++) tokens[k] = rank[tokens[k]!]!;
    return new FieldTokens(tokens, this.starts);
  }
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
