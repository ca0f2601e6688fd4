import type { Kind, OpportunityFacts, Sector } from "@bridgework/domain";
import type { CatalogDoc } from "../../lib/catalog/catalog-doc.ts";
import type { RegionCatalog } from "../../lib/catalog/catalog.ts";
import { modalityCode } from "../../lib/catalog/doc-columns.ts";
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
  capped: Set<string>,
): { doc: CatalogDoc; facts: OpportunityFacts }[] {
  const from = q.windowFrom.getTime();
  const to = q.windowTo.getTime();
  const codes = region.codes;
  const sector = codes.known("sector", q.sector);
  const city = q.schoolCity ? codes.known("city", q.schoolCity.toLowerCase()) : -1;
  const cappedCodes = new Uint8Array(codes.employerCount);
  for (const id of capped) {
    const code = codes.known("employer", id);
    if (code >= 0) cappedCodes[code] = 1;
  }
  const modality = modalityCode(q.modality);
  const anyModality = q.modality === "hybrid";
  const hybrid = modalityCode("hybrid");
  // Two passes over the kinds' columns (not over each document): the first ranks every usable
  // one (uncapped before capped, then points) and counts each rank; only those at or above the
  // rank where MAX_CANDIDATES is reached are then gathered and sorted. Each kind's list is by
  // start: only the range that can meet the window is read, and those without a start.
  const lists = [...new Set<Kind>(q.kinds)].map((kind) => ({ kind, ...region.publishedOfKind(kind) }));
  const ranks = lists.map(({ docs }) => new Int16Array(docs.length).fill(-1));
  const perRank = new Int32Array(RANKS);
  for (let l = 0; l < lists.length; l++) {
    const { kind, docs, columns: c, dated, longest } = lists[l]!;
    const rankOf = ranks[l]!;
    const sameKind = kind === q.kind;
    const first = firstStartingAtOrAfter(c.startsAt, dated, from - longest);
    const last = firstStartingAtOrAfter(c.startsAt, dated, to + 1);
    // [first, last): starts that can meet the window; [dated, end): no start.
    for (let i = first < last ? first : dated; i < docs.length; i = i + 1 === last ? dated : i + 1) {
      if (c.seatsLeft[i]! < q.students) continue;
      const m = c.modality[i]!;
      if (!anyModality && m !== modality && m !== hybrid) continue;
      if (c.minAge[i]! > q.oldestAge) continue;
      const starts = c.startsAt[i]!; // NaN: none
      const ends = c.endsAt[i]!; // Infinity: none
      const undated = Number.isNaN(starts) && ends === Infinity;
      const until = ends === Infinity ? starts : ends;
      if (!undated && !(until >= from && (Number.isNaN(starts) || starts <= to))) continue;
      if (asked.size > 0 && asked.has(docs[i]!.row.id)) continue;
      const within = !Number.isNaN(starts) && starts >= from && until <= to;
      const points =
        (c.sector[i] === sector ? 300 : 0) +
        (sameKind ? 200 : 100) +
        (undated ? 99 : within ? 150 : 75) +
        (m === modality ? 100 : 50) +
        (city >= 0 && c.city[i] === city ? 100 : 0);
      const rank = (cappedCodes[c.employer[i]!] ? 0 : 1000) + points;
      rankOf[i] = rank;
      perRank[rank]!++;
    }
  }
  let lowest = RANKS - 1;
  for (let seen = 0; lowest > 0 && seen + perRank[lowest]! < MAX_CANDIDATES; lowest--) seen += perRank[lowest]!;
  const buckets = new Map<number, CatalogDoc[]>();
  lists.forEach(({ docs }, l) => {
    const rankOf = ranks[l]!;
    for (let i = 0; i < docs.length; i++) {
      const rank = rankOf[i]!;
      if (rank < lowest) continue;
      const bucket = buckets.get(rank);
      if (bucket) bucket.push(docs[i]!);
      else buckets.set(rank, [docs[i]!]);
    }
  });
  const chosen: CatalogDoc[] = [];
  for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
    const bucket = buckets.get(rank)!.sort(soonestFirst);
    for (const doc of bucket) {
      if (chosen.length === MAX_CANDIDATES) break;
      chosen.push(doc);
    }
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

/** Sooner start first (undated last), then by id. */
function soonestFirst(a: CatalogDoc, b: CatalogDoc): number {
  return (
    (a.startsAtMs ?? Infinity) - (b.startsAtMs ?? Infinity) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
  );
}
