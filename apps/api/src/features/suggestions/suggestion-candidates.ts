import type { Kind, OpportunityFacts, Sector } from "@bridgework/domain";
import { type CatalogDoc, soonestFirst } from "../../lib/catalog/catalog-doc.ts";
import type { RegionCatalog } from "../../lib/catalog/catalog.ts";
import { type Codes, modalityCode } from "../../lib/catalog/doc-columns.ts";
import { atAskCap, type EmployerStanding } from "../../lib/catalog/employer-standing.ts";
import { type CandidateQuery, MAX_CANDIDATES } from "./suggestion.queries.ts";

/**
 * The coarse filter of `unusableBecause`, from the region's catalog in memory: published, a
 * kind the request can use, enough seats, a format that fits, old enough, dates that meet
 * the window; minus what this request was already asked for. Ordered as the domain score's
 * opportunity side would (sector, kind, dates, format, city, in thousandths so sums are
 * exact), employers at their ask cap after the rest, then by start (undated last) and id;
 * the first `MAX_CANDIDATES`.
 */
export function selectCandidates(
  region: RegionCatalog,
  q: CandidateQuery,
  asked: Set<string>,
  standing: ReadonlyMap<string, EmployerStanding>,
): { doc: CatalogDoc; facts: OpportunityFacts }[] {
  const from = q.windowFrom.getTime();
  const to = q.windowTo.getTime();
  const codes = region.codes;
  const sector = codes.known("sector", q.sector);
  const city = q.schoolCity ? codes.known("city", q.schoolCity.toLowerCase()) : -1;
  const cappedCodes = cappedEmployers(codes, standing);
  const { students, oldestAge } = q;
  const modality = modalityCode(q.modality);
  const anyModality = q.modality === "hybrid";
  const hybrid = modalityCode("hybrid");
  // Two passes over the kinds' columns (not over each document): the first ranks every usable
  // one (uncapped before capped, then points) and counts each rank; only those at or above the
  // rank where MAX_CANDIDATES is reached are then gathered, each kind's in its order (soonest
  // first), and merged rank by rank. Each kind's list is by start: only the range that can meet
  // the window is read, and those without a start.
  const lists = [...new Set<Kind>(q.kinds)].map((kind) => ({ kind, ...region.publishedOfKind(kind) }));
  // A rank per entry read (0: not usable; usable ones rank 225 or more).
  const ranks = lists.map(({ docs }) => new Int16Array(docs.length));
  const ranges: Array<[number, number][]> = [];
  const perRank = new Int32Array(RANKS);
  for (let l = 0; l < lists.length; l++) {
    const { kind, docs, columns: c, dated, longest } = lists[l]!;
    const rankOf = ranks[l]!;
    const sameKind = kind === q.kind;
    const first = firstStartingAtOrAfter(c.startsAt, dated, from - longest);
    const last = firstStartingAtOrAfter(c.startsAt, dated, to + 1);
    // [first, last): starts that can meet the window; [dated, end): no start.
    ranges[l] = [
      [first, Math.max(first, last)],
      [dated, docs.length],
    ];
    // The columns read into locals: V8 reloads an object's property on every pass of a loop like this.
    const { seatsLeft, modality: modalityOf, minAge, startsAt, endsAt, sector: sectorOf, city: cityOf, employer } = c;
    for (const [begin, end] of ranges[l]!) {
      for (let i = begin; i < end; i++) {
        if (seatsLeft[i]! < students) continue;
        const m = modalityOf[i]!;
        if (!anyModality && m !== modality && m !== hybrid) continue;
        if (minAge[i]! > oldestAge) continue;
        const starts = startsAt[i]!; // NaN: none
        const ends = endsAt[i]!; // Infinity: none
        const undated = Number.isNaN(starts) && ends === Infinity;
        const until = ends === Infinity ? starts : ends;
        if (!undated && !(until >= from && (Number.isNaN(starts) || starts <= to))) continue;
        const within = !Number.isNaN(starts) && starts >= from && until <= to;
        const points =
          (sectorOf[i] === sector ? 300 : 0) +
          (sameKind ? 200 : 100) +
          (undated ? 99 : within ? 150 : 75) +
          (m === modality ? 100 : 50) +
          (city >= 0 && cityOf[i] === city ? 100 : 0);
        const rank = (cappedCodes[employer[i]!] ? 0 : 1000) + points;
        rankOf[i] = rank;
        perRank[rank]!++;
      }
    }
  }
  // What this request was already asked for is left out only among those gathered: reading
  // every entry's id was a third of a call (its row is far away in memory). So the ranks
  // gathered reach MAX_CANDIDATES plus as many as could be left out.
  const wanted = MAX_CANDIDATES + asked.size;
  let lowest = RANKS - 1;
  let above = 0;
  for (; lowest > 1 && above + perRank[lowest]! < wanted; lowest--) above += perRank[lowest]!;
  // Each rank's entries, one run per kind: each kind's list is soonest first already, so of the
  // lowest rank gathered (often a crowd) each list gives only its first `atLowest`.
  const atLowest = wanted - above;
  const buckets = new Map<number, CatalogDoc[][]>();
  lists.forEach(({ docs }, l) => {
    const rankOf = ranks[l]!;
    let takenAtLowest = 0;
    for (const [begin, end] of ranges[l]!) {
      for (let i = begin; i < end; i++) {
        const rank = rankOf[i]!;
        if (rank < lowest || (rank === lowest && takenAtLowest === atLowest) || asked.has(docs[i]!.row.id)) continue;
        if (rank === lowest) takenAtLowest++;
        let runs = buckets.get(rank);
        if (!runs) buckets.set(rank, (runs = lists.map(() => [])));
        runs[l]!.push(docs[i]!);
      }
    }
  });
  const chosen: CatalogDoc[] = [];
  for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
    mergeSoonestFirst(buckets.get(rank)!, MAX_CANDIDATES - chosen.length, chosen);
    if (chosen.length === MAX_CANDIDATES) break;
  }
  return chosen.map((doc) => ({
    doc,
    facts: {
      kind: doc.row.kind,
      sector: doc.row.sector as Sector,
      status: "published",
      seatsLeft: doc.row.capacity - doc.row.seatsTaken,
      startsAt: doc.row.startsAt,
      endsAt: doc.row.endsAt,
      modality: doc.row.modality,
      minAge: doc.row.minAge,
      city: doc.row.city,
    },
  }));
}

/**
 * The employers at their ask cap this month, by employer code (1: capped), worked out once per
 * standing (it is kept until the region changes) and codes: per call it read the region's
 * every employer (at 10×, a tenth of a never-asked suggestion's time).
 */
const cappedMemo = new WeakMap<ReadonlyMap<string, EmployerStanding>, { codes: Codes; capped: Uint8Array }>();
function cappedEmployers(codes: Codes, standing: ReadonlyMap<string, EmployerStanding>): Uint8Array {
  const known = cappedMemo.get(standing);
  // New employers get codes as the catalog hears of them: then work it out again.
  if (known && known.codes === codes && known.capped.length === codes.employerCount) return known.capped;
  const capped = new Uint8Array(codes.employerCount);
  for (const [id, s] of standing) {
    if (!atAskCap(s)) continue;
    const code = codes.known("employer", id);
    if (code >= 0) capped[code] = 1;
  }
  cappedMemo.set(standing, { codes, capped });
  return capped;
}

/** The first of the `dated` entries (ascending starts) starting at or after `ms`. */
function firstStartingAtOrAfter(startsAt: Float64Array, dated: number, ms: number): number {
  let lo = 0;
  let hi = dated;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startsAt[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ranks are below this: 1000 (not capped) + at most 300 + 200 + 150 + 100 + 100 points. */
const RANKS = 2048;

/** Appends to `into` the first `count` of `runs` (each soonest first) merged soonest first: no more are compared than are taken. */
function mergeSoonestFirst(runs: CatalogDoc[][], count: number, into: CatalogDoc[]): void {
  const next = runs.map(() => 0);
  for (let taken = 0; taken < count; taken++) {
    let best = -1;
    for (let r = 0; r < runs.length; r++) {
      const doc = runs[r]![next[r]!];
      if (doc !== undefined && (best < 0 || soonestFirst(doc, runs[best]![next[best]!]!) < 0)) best = r;
    }
    if (best < 0) return;
    into.push(runs[best]![next[best]!++]!);
  }
}
