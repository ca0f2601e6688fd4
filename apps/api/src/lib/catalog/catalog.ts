import { ANY_REGION, type Db } from "@bridgework/db";
import { type Kind, monthOf, type ParsedSearch, scoreDocument } from "@bridgework/domain";
import type { RegionCache } from "../region-cache.ts";
import { type CatalogDoc, docWords, newestFirst, readRegionChanges } from "./catalog-doc.ts";
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

/** One region's opportunities: the index, the overlay of changed texts, and lookups by id and kind. */
export class RegionCatalog {
  private index: TextIndex;
  private readonly positions = new Map<string, number>();
  private readonly overlay = new Map<string, CatalogDoc>();
  private readonly byId = new Map<string, CatalogDoc>();
  private ordered: CatalogDoc[] | null = null;
  private published: Map<Kind, CatalogDoc[]> | null = null;

  constructor(docs: CatalogDoc[]) {
    this.index = this.build(docs);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): CatalogDoc | undefined {
    return this.byId.get(id);
  }

  /** Every opportunity, newest first. */
  all(): CatalogDoc[] {
    this.ordered ??= [...this.byId.values()].sort(newestFirst);
    return this.ordered;
  }

  /** The published opportunities of a kind (what suggestions start from). */
  publishedOfKind(kind: Kind): CatalogDoc[] {
    if (!this.published) {
      this.published = new Map();
      for (const doc of this.byId.values()) {
        if (doc.row.status !== "published") continue;
        const list = this.published.get(doc.row.kind);
        if (list) list.push(doc);
        else this.published.set(doc.row.kind, [doc]);
      }
    }
    return this.published.get(kind) ?? [];
  }

  /**
   * The opportunities matching a parsed query that `keep` keeps, best first, ties newest first;
   * every kept one, newest first, when there is nothing to look for. The index holds its
   * documents newest first, so walking it into one bucket per score gives that order without
   * sorting; only buckets an overlay document joins are sorted.
   */
  ranked(search: ParsedSearch, keep: (doc: CatalogDoc) => boolean): CatalogDoc[] {
    if (search.nothing) return [];
    if (search.groups.length === 0 && search.excluded.length === 0) return this.all().filter(keep);
    const { positions, scores } = this.index.score(search);
    const buckets: CatalogDoc[][] = [];
    const docs = this.index.docs;
    for (const p of positions) {
      const score = scores[p]!;
      if (keep(docs[p]!)) (buckets[score] ??= []).push(docs[p]!);
    }
    const touched = new Set<number>();
    for (const doc of this.overlay.values()) {
      const score = scoreDocument(search, docWords(doc));
      if (score === null || !keep(doc)) continue;
      const bucket = Math.max(1, score); // a search that only leaves words out scores 0: one bucket
      (buckets[bucket] ??= []).push(doc);
      touched.add(bucket);
    }
    for (const bucket of touched) buckets[bucket]!.sort(newestFirst);
    const ranked: CatalogDoc[] = [];
    for (let score = buckets.length - 1; score > 0; score--) for (const doc of buckets[score] ?? []) ranked.push(doc);
    return ranked;
  }

  apply(docs: CatalogDoc[], employers: { id: string; name: string }[]): void {
    for (const doc of docs) {
      const before = this.byId.get(doc.row.id);
      if (before && before.row.changedXact === doc.row.changedXact && before.employerName === doc.employerName)
        continue;
      this.byId.set(doc.row.id, doc);
      this.ordered = null;
      this.published = null;
      const position = this.positions.get(doc.row.id);
      if (position !== undefined && !this.index.stale[position] && this.index.docs[position]!.text === doc.text) {
        this.index.docs[position] = doc; // only its filters changed: the postings still hold
      } else {
        if (position !== undefined) this.index.stale[position] = 1;
        this.overlay.set(doc.row.id, doc);
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
    this.positions.clear();
    for (const doc of docs) this.byId.set(doc.row.id, doc);
    const sorted = [...this.byId.values()].sort(newestFirst);
    sorted.forEach((doc, position) => this.positions.set(doc.row.id, position));
    this.ordered = sorted;
    return new TextIndex(sorted.slice());
  }
}
