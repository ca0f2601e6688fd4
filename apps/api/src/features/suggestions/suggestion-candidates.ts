import type { Kind, OpportunityFacts, Sector } from "@bridgework/domain";
import type { CatalogDoc } from "../../lib/catalog/catalog-doc.ts";
import type { RegionCatalog } from "../../lib/catalog/catalog.ts";
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
  const city = q.schoolCity?.toLowerCase() ?? null;
  // One bucket per rank (uncapped before capped, then points): only the buckets the first
  // MAX_CANDIDATES fall in are sorted, not every usable opportunity.
  const buckets = new Map<number, CatalogDoc[]>();
  for (const kind of new Set<Kind>(q.kinds)) {
    for (const doc of region.publishedOfKind(kind)) {
      const o = doc.row;
      if (o.capacity - o.seatsTaken < q.students) continue;
      if (q.modality !== "hybrid" && o.modality !== q.modality && o.modality !== "hybrid") continue;
      if (o.minAge !== null && o.minAge > q.oldestAge) continue;
      const { startsAtMs: starts, endsAtMs: ends } = doc;
      const undated = starts === null && ends === null;
      if (!undated && !((ends ?? starts)! >= from && (starts === null || starts <= to))) continue;
      if (asked.has(o.id)) continue;
      const within = (starts ?? -Infinity) >= from && (ends ?? starts)! <= to;
      const points =
        (o.sector === q.sector ? 300 : 0) +
        (o.kind === q.kind ? 200 : 100) +
        (undated ? 99 : within ? 150 : 75) +
        (o.modality === q.modality ? 100 : 50) +
        (city !== null && o.city?.toLowerCase() === city ? 100 : 0);
      const rank = (capped.has(o.employerId) ? 0 : 1000) + points;
      const bucket = buckets.get(rank);
      if (bucket) bucket.push(doc);
      else buckets.set(rank, [doc]);
    }
  }
  const chosen: CatalogDoc[] = [];
  for (const rank of [...buckets.keys()].sort((a, b) => b - a)) {
    const bucket = buckets
      .get(rank)!
      .sort(
        (a, b) =>
          (a.startsAtMs ?? Infinity) - (b.startsAtMs ?? Infinity) ||
          (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0),
      );
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
