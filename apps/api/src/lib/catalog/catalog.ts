import { ANY_REGION, type Db } from "@bridgework/db";
import { type Kind, monthOf, type ParsedSearch, scoreDocument } from "@bridgework/domain";
import type { RegionCache } from "../region-cache.ts";
import { type CatalogDoc, docWords, newestFirst, readRegionChanges, sameText, soonestFirst } from "./catalog-doc.ts";
import { Codes, type CompiledFilter, DocColumns, type DocFilter } from "./doc-columns.ts";
import { type EmployerStanding, readEmployerStanding } from "./employer-standing.ts";
import { createRegionMemo } from "./region-memo.ts";
import { TextIndex } from "./text-index.ts";

/**
 * A region's opportunities, in memory, for search and suggestions without a database round
 * trip; the database stays the truth. Loaded on a region's first question. Every committed
 * change to the region is heard (the region cache's LISTEN on `bw_region_changed`, or this
 * process's own write, marked before its answer is sent); the next question then first reads
 * the rows stamped since the last look (`readRegionChanges`) — so an author's next request
 * sees their change, and everyone else within the notification's delay (milliseconds). While
 * LISTEN is down every question reads the changes first.
 *
 * Text changes and new opportunities go into a small overlay scored the plain way; once the
 * overlay is a twentieth of the index (at least 500), the index is rebuilt.
 */
export interface Catalog {
  /** The region's catalog, fresh as of this call. */
  region(regionId: string): Promise<RegionCatalog>;
  /** The region's employers and their standing this month (asks, cap, host-again record), fresh as of this call. */
  employers(regionId: string, month: { start: Date; end: Date }): Promise<Map<string, EmployerStanding>>;
}

export function createCatalog(db: Db, feed: Pick<RegionCache, "listening" | "subscribe">): Catalog {
  const regions = new Map<string, RegionState>();
  const dirtyAll = () => {
    for (const state of regions.values()) state.dirty = true;
  };
  feed.subscribe({
    changed(regionId) {
      if (regionId === ANY_REGION) dirtyAll();
      else {
        const state = regions.get(regionId);
        if (state) state.dirty = true;
      }
    },
    reset: dirtyAll,
  });

  const standing = createRegionMemo(feed, (regionId, month) =>
    readEmployerStanding(db, regionId, monthOf(new Date(month))),
  );

  return {
    employers: (regionId, month) => standing.get(regionId, month.start.toISOString()),
    async region(regionId) {
      let state = regions.get(regionId);
      if (!state) {
        state = new RegionState(db, regionId);
        regions.set(regionId, state);
      }
      return state.fresh(!feed.listening());
    },
  };
}

class RegionState {
  dirty = true;
  catalog: RegionCatalog | null = null;
  private watermark: string | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly regionId: string,
  ) {}

  /**
   * The catalog as of this call: a read already running may have begun before it, so it is
   * waited for first; then, if a change was heard (or `always`: nothing is heard while LISTEN
   * is down) or nothing is loaded yet, a read that begins now, or one that began since.
   */
  async fresh(always: boolean): Promise<RegionCatalog> {
    if (this.running) await this.running.catch(() => {});
    if (always || this.dirty || !this.catalog) await this.refresh();
    return this.catalog!;
  }

  /** One read at a time; a change heard while it runs makes the next call read again. */
  private refresh(): Promise<void> {
    this.running ??= (async () => {
      try {
        this.dirty = false;
        const changes = await readRegionChanges(this.db, this.regionId, this.watermark);
        if (this.catalog) this.catalog.apply(changes.docs, changes.employers);
        else this.catalog = new RegionCatalog(changes.docs);
        this.watermark = changes.watermark;
      } catch (error) {
        this.dirty = true;
        throw error;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}

type OverlayColumns = { docs: CatalogDoc[]; columns: DocColumns };

/**
 * A kind's published opportunities and their columns (entry `i` is `docs[i]`), soonest first
 * (`soonestFirst`: by start, then id): the first `dated` have a start. `longest` is the longest
 * span from a start to its end, so nothing starting before `from - longest` reaches `from`.
 */
export interface PublishedOfKind {
  docs: CatalogDoc[];
  columns: DocColumns;
  dated: number;
  longest: number;
}

function publishedOfKind(docs: CatalogDoc[], codes: Codes): PublishedOfKind {
  docs.sort(soonestFirst);
  let dated = 0;
  let longest = 0;
  for (const doc of docs) {
    if (doc.startsAtMs === null) continue;
    dated++;
    if (doc.endsAtMs !== null) longest = Math.max(longest, doc.endsAtMs - doc.startsAtMs);
  }
  return { docs, columns: new DocColumns(docs, codes), dated, longest };
}
const NO_PUBLISHED = publishedOfKind([], new Codes());

/** The overlay's documents that match and are kept, with their scores (a query that only leaves words out scores 1). */
function overlayMatches(
  { docs, columns }: OverlayColumns,
  search: ParsedSearch,
  f: CompiledFilter,
): { doc: CatalogDoc; score: number }[] {
  const found: { doc: CatalogDoc; score: number }[] = [];
  const entries = Int32Array.from(docs, (_, i) => i);
  const kept = columns.keepInPlace(entries, f);
  for (let k = 0; k < kept; k++) {
    const doc = docs[entries[k]!]!;
    const score = scoreDocument(search, docWords(doc));
    if (score !== null) found.push({ doc, score: Math.max(1, Math.min(255, score)) });
  }
  return found;
}

/**
 * The index's matches on or before a page, in position order (newest first): every kept one
 * scoring above `lowest` (there are `above`), and the first `atLowest` scoring `lowest`.
 * Matches not in order go through a bit set (one bit per position), read word by word until
 * enough are found: a fraction of the cost of ordering every match.
 */
function pageCandidates(
  matches: { positions: Int32Array; kept: number; ascending: boolean; scores: Uint8Array },
  lowest: number,
  above: number,
  atLowest: number,
  bits: Int32Array,
): number[] {
  const { positions, kept, ascending, scores } = matches;
  const found: number[] = [];
  const wanted = above + atLowest;
  if (wanted === 0) return found;
  let atLowestLeft = atLowest;
  const take = (p: number) => {
    const score = scores[p]!;
    if (score > lowest) found.push(p);
    else if (score === lowest && atLowestLeft > 0) {
      atLowestLeft--;
      found.push(p);
    }
  };
  if (ascending) {
    for (let k = 0; k < kept && found.length < wanted; k++) take(positions[k]!);
    return found;
  }
  bits.fill(0);
  for (let k = 0; k < kept; k++) {
    const p = positions[k]!;
    if (scores[p]! >= lowest) bits[p >> 5]! |= 1 << (p & 31);
  }
  for (let i = 0; i < bits.length && found.length < wanted; i++) {
    let word = bits[i]!;
    while (word !== 0 && found.length < wanted) {
      const low = word & -word;
      take((i << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return found;
}

/** One page of a search, and how many matched in all. */
export interface SearchPage {
  total: number;
  docs: CatalogDoc[];
}

/** One region's opportunities: the index, the overlay of changed texts, and lookups by id and kind. */
export class RegionCatalog {
  readonly codes = new Codes();
  private index: TextIndex;
  private readonly positions = new Map<string, number>();
  private readonly overlay = new Map<string, CatalogDoc>();
  private overlayColumns: OverlayColumns | null = null;
  private readonly byId = new Map<string, CatalogDoc>();
  private published: Map<Kind, PublishedOfKind> | null = null;
  /** Scratch for `search`, kept between calls (a call runs start to end without yielding). */
  private readonly perScore = new Int32Array(256);
  private bits = new Int32Array(0);

  constructor(docs: CatalogDoc[]) {
    this.index = this.build(docs);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): CatalogDoc | undefined {
    return this.byId.get(id);
  }

  /**
   * The published opportunities of a kind (what suggestions start from), with their columns,
   * by start (those without one last), so a date window is a range of them.
   */
  publishedOfKind(kind: Kind): PublishedOfKind {
    if (!this.published) {
      const lists = new Map<Kind, CatalogDoc[]>();
      for (const doc of this.byId.values()) {
        if (doc.row.status !== "published") continue;
        const list = lists.get(doc.row.kind);
        if (list) list.push(doc);
        else lists.set(doc.row.kind, [doc]);
      }
      this.published = new Map([...lists].map(([k, docs]) => [k, publishedOfKind(docs, this.codes)] as const));
    }
    return this.published.get(kind) ?? NO_PUBLISHED;
  }

  /**
   * The opportunities matching a parsed query that `filter` keeps, best first, ties newest
   * first (every kept one, newest first, when there is nothing to look for): how many, and the
   * `limit` from `offset` on. The index holds its documents newest first, so position order is
   * that order. The matches are counted per score; then only those on or before the page are
   * put in order (`pageCandidates`): the whole list is never built or sorted. The overlay's
   * documents (changed texts, new ones) are scored the plain way and merged in.
   */
  search(search: ParsedSearch, filter: DocFilter, offset: number, limit: number): SearchPage {
    if (search.nothing) return { total: 0, docs: [] };
    const overlay = this.overlayColumnsNow(); // first: its documents' values get their codes
    const f = this.codes.compile(filter);
    const { positions, ascending, scores } = this.index.match(search);
    const kept = this.index.columns.keepInPlace(positions, f);
    const perScore = this.perScore.fill(0); // the index's matches at each score
    for (let k = 0; k < kept; k++) perScore[scores[positions[k]!]!]!++;
    const extra = overlay ? overlayMatches(overlay, search, f) : [];
    const extraPerScore = new Int32Array(256);
    for (const e of extra) extraPerScore[e.score]!++;
    const end = offset + limit;
    // The lowest score the page reaches, and how many of the index's matches at that score can
    // be on or before it (those above it all are; the overlay's at that score may come first).
    let above = 0;
    let indexAbove = 0;
    let lowest = 1; // when fewer than `end` match, the page reaches the lowest score there is
    for (let score = 255; score > 1; score--) {
      const here = perScore[score]! + extraPerScore[score]!;
      if (above + here >= end) {
        lowest = score;
        break;
      }
      above += here;
      indexAbove += perScore[score]!;
    }
    const atLowest = Math.min(perScore[lowest]!, end - above);
    const words = (this.index.size + 31) >> 5; // one bit per position
    if (this.bits.length !== words) this.bits = new Int32Array(words);
    const fromIndex = pageCandidates({ positions, kept, ascending, scores }, lowest, indexAbove, atLowest, this.bits);
    const ranked = fromIndex.map((p) => ({ doc: this.index.docs[p]!, score: scores[p]! }));
    for (const e of extra) if (e.score >= lowest) ranked.push(e);
    // The index's come newest first already: with nothing merged in, a stable sort by score keeps that.
    ranked.sort(extra.length ? (a, b) => b.score - a.score || newestFirst(a.doc, b.doc) : (a, b) => b.score - a.score);
    return { total: kept + extra.length, docs: ranked.slice(offset, end).map((r) => r.doc) };
  }

  private overlayColumnsNow(): OverlayColumns | null {
    if (this.overlay.size === 0) return null;
    if (!this.overlayColumns) {
      const docs = [...this.overlay.values()];
      this.overlayColumns = { docs, columns: new DocColumns(docs, this.codes) };
    }
    return this.overlayColumns;
  }

  apply(docs: CatalogDoc[], employers: { id: string; name: string }[]): void {
    for (const doc of docs) {
      const before = this.byId.get(doc.row.id);
      if (before && before.row.changedXact === doc.row.changedXact && before.employerName === doc.employerName)
        continue;
      this.byId.set(doc.row.id, doc);
      this.published = null;
      const position = this.positions.get(doc.row.id);
      if (position !== undefined && !this.index.isStale(position) && sameText(this.index.docs[position]!, doc)) {
        this.index.replace(position, doc); // only its filters changed: the postings still hold
      } else {
        if (position !== undefined) this.index.markStale(position);
        this.overlay.set(doc.row.id, doc);
        this.overlayColumns = null;
      }
    }
    if (employers.length > 0) {
      const names = new Map(employers.map((e) => [e.id, e.name]));
      for (const doc of this.byId.values()) {
        const name = names.get(doc.row.employerId);
        if (name !== undefined && doc.employerName !== name) {
          doc.employerName = name;
          doc.json = undefined;
        }
      }
    }
    if (this.overlay.size > Math.max(500, this.index.size / 20)) this.index = this.build([...this.byId.values()]);
  }

  private build(docs: CatalogDoc[]): TextIndex {
    this.overlay.clear();
    this.overlayColumns = null;
    this.positions.clear();
    for (const doc of docs) this.byId.set(doc.row.id, doc);
    const sorted = [...this.byId.values()].sort(newestFirst);
    sorted.forEach((doc, position) => this.positions.set(doc.row.id, position));
    return new TextIndex(sorted, this.codes);
  }
}
