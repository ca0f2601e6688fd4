import { describe, expect, it } from "vitest";
import { type CatalogDoc, soonestFirst, toDoc } from "../../lib/catalog/catalog-doc.ts";
import { RegionCatalog } from "../../lib/catalog/catalog.ts";
import type { OpportunityRow } from "../../lib/queries/opportunities.ts";
import { seededRandom } from "../../../test/fixtures/random-catalog.ts";
import { selectCandidates } from "./suggestion-candidates.ts";
import { type CandidateQuery, MAX_CANDIDATES } from "./suggestion.queries.ts";

/**
 * The cut at `MAX_CANDIDATES` when more are usable (the oracle test stays below it, where
 * every usable one is scored): among equals on the opportunity side, the soonest start wins,
 * then the smaller id — also across kinds, whose lists are kept apart and merged.
 */

const DAY = 86_400_000;
const WINDOW_FROM = Date.UTC(2031, 2, 1);

function doc(i: number, kind: string, city: string, startsAt: Date | null): CatalogDoc {
  return toDoc(
    {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      employerId: `10000000-0000-4000-8000-${String(i % 7).padStart(12, "0")}`,
      kind,
      level: "exposure",
      sector: "Health Science and Medical Technology",
      title: "t",
      description: "d",
      modality: "in_person",
      city,
      capacity: 30,
      seatsTaken: 0,
      status: "published",
      minAge: null,
      startsAt,
      endsAt: startsAt && new Date(startsAt.getTime() + 3_600_000),
      createdAt: new Date(Date.UTC(2030, 0, 1) + i * 60_000),
    } as unknown as OpportunityRow,
    "Employer",
  );
}

function query(): CandidateQuery {
  return {
    regionId: "r",
    requestId: "q",
    kinds: ["industry_tour", "job_shadow"],
    kind: "industry_tour",
    sector: "Health Science and Medical Technology",
    students: 10,
    modality: "in_person",
    oldestAge: 17,
    windowFrom: new Date(WINDOW_FROM),
    windowTo: new Date(WINDOW_FROM + 45 * DAY - 1),
    windowStart: "2031-03-01",
    windowEnd: "2031-04-14",
    monthStart: new Date(Date.UTC(2031, 2, 1)),
    monthEnd: new Date(Date.UTC(2031, 3, 1)),
    schoolCity: "Fresno",
  };
}

describe("selectCandidates", () => {
  it.each([
    ["the kinds' starts interleaved", 0, 0],
    ["every tour sooner than every shadow", 20, 0],
    ["the 15 soonest already asked for", 0, 15],
  ])(
    "keeps the soonest of equals when more than MAX_CANDIDATES are usable, merging kinds: %s",
    (_, shadowsLater, asked) => {
      const rand = seededRandom(7);
      // Same points either way: an industry tour (the kind asked for) elsewhere, or a job shadow
      // (a similar kind, 100 fewer) in the school's city (100 more). Starts repeat, so ids decide too.
      const startIn = (days: number) => new Date(WINDOW_FROM + (days + Math.floor(rand() * 20)) * DAY);
      const docs = Array.from({ length: 3 * MAX_CANDIDATES }, (_, i) =>
        i % 2 === 0
          ? doc(i, "industry_tour", "Clovis", startIn(0))
          : doc(i, "job_shadow", "Fresno", startIn(shadowsLater)),
      );
      const region = new RegionCatalog(docs);
      const q = query();
      const soonest = [...docs].sort(soonestFirst).map((d) => d.row.id);
      const askedFor = new Set(soonest.slice(0, asked));
      const chosen = selectCandidates(region, q, askedFor, new Map()).map((c) => c.doc.row.id);
      const expected = soonest.slice(asked, asked + MAX_CANDIDATES);
      expect(chosen).toEqual(expected);
      const kinds = new Set(chosen.map((id) => docs.find((d) => d.row.id === id)!.row.kind));
      expect(kinds).toEqual(new Set(shadowsLater ? ["industry_tour"] : ["industry_tour", "job_shadow"]));
    },
  );

  it("reaches past what was already asked for when the better ranks fall short of MAX_CANDIDATES", () => {
    const rand = seededRandom(11);
    const startIn = () => new Date(WINDOW_FROM + Math.floor(rand() * 20) * DAY);
    // Tours in the school's city rank above everything else (100 more): 195 of them, 15 asked for.
    const better = Array.from({ length: MAX_CANDIDATES - 5 }, (_, i) => doc(i, "industry_tour", "Fresno", startIn()));
    const rest = Array.from({ length: MAX_CANDIDATES }, (_, i) =>
      doc(1000 + i, i % 2 ? "industry_tour" : "job_shadow", i % 2 ? "Clovis" : "Fresno", startIn()),
    );
    const region = new RegionCatalog([...better, ...rest]);
    const askedFor = new Set(better.slice(0, 15).map((d) => d.row.id));
    const chosen = selectCandidates(region, query(), askedFor, new Map()).map((c) => c.doc.row.id);
    const ids = (docs: CatalogDoc[]) => [...docs].sort(soonestFirst).map((d) => d.row.id);
    expect(chosen).toEqual([
      ...ids(better).filter((id) => !askedFor.has(id)),
      ...ids(rest).slice(0, MAX_CANDIDATES - (better.length - askedFor.size)),
    ]);
  });
});
