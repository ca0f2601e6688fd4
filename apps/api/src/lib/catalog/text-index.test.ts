import { parseSearch, scoreDocument } from "@bridgework/domain";
import { describe, expect, it } from "vitest";
import type { OpportunityRow } from "../queries/opportunities.ts";
import { type CatalogDoc, docWords, toDoc } from "./catalog-doc.ts";
import { Codes } from "./doc-columns.ts";
import { TextIndex } from "./text-index.ts";
import { CATALOG_WORDS as POOL, seededRandom } from "../../../test/fixtures/random-catalog.ts";

/**
 * The index against the domain's definition (`scoreDocument` on each document's words), on a
 * random catalog and random queries, whichever way the index takes: the tuning that picks the
 * way by cost, and each way forced (narrowing by reading documents or through postings, with
 * or without common words' dense arrays; scoring a first group in place or collecting what it
 * reaches; two-word phrases through pair postings or by checking documents).
 */

function catalog(rand: () => number, size: number): CatalogDoc[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  // Common words in most documents, rare ones in few: so narrowing has both kinds of group.
  const text = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () =>
      rand() < 0.4 ? pick(POOL.slice(0, 4)) : pick(POOL),
    ).join(" ");
  return Array.from({ length: size }, (_, i) =>
    toDoc(
      {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        employerId: "e",
        kind: "job_shadow",
        level: "engagement",
        sector: pick(["Health Science and Medical Technology", "Energy, Environment, and Utilities"]),
        title: text(1, 4),
        description: text(0, 12),
        modality: "in_person",
        city: null,
        capacity: 1,
        seatsTaken: 0,
        status: "published",
        minAge: null,
        startsAt: null,
        endsAt: null,
        createdAt: new Date(Date.UTC(2031, 0, 1) - i * 60_000), // newest first
      } as unknown as OpportunityRow,
      "Employer",
    ),
  );
}

/** One edit anywhere, the first letters included: a letter missing, added, changed, or two swapped. */
function typo(w: string, rand: () => number): string {
  const at = Math.floor(rand() * (w.length - 1));
  const letter = "aeiostx"[Math.floor(rand() * 7)]!;
  const kind = Math.floor(rand() * 4);
  if (kind === 0) return w.slice(0, at) + w.slice(at + 1);
  if (kind === 1) return w.slice(0, at) + letter + w.slice(at);
  if (kind === 2) return w.slice(0, at) + letter + w.slice(at + 1);
  return w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
}

function query(rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const word = () => {
    const w = pick(POOL);
    const r = rand();
    if (r < 0.3) return w.slice(0, 1 + Math.floor(rand() * w.length)); // a start
    if (r < 0.5 && w.length >= 5) return typo(w, rand);
    return w;
  };
  const parts: string[] = [];
  for (let n = 1 + Math.floor(rand() * 6); n > 0; n--) {
    const r = rand();
    if (r < 0.1) parts.push(`"${word()} ${word()}"`);
    else if (r < 0.15) parts.push(`"${word()} ${word()} ${word()}"`);
    else if (r < 0.25) parts.push(`-${word()}`);
    else if (r < 0.35 && parts.length) parts.push("or", word());
    else parts.push(word());
  }
  return parts.join(" ");
}

describe("TextIndex", () => {
  const rand = seededRandom(42);
  const docs = catalog(rand, 400);
  const index = new TextIndex([...docs], new Codes());
  const auto = { ...index.tuning };
  const tunings = {
    "by cost": auto,
    "reading documents, scoring in place, phrases by their rarest word": {
      readCost: 0,
      inPlaceFrom: 0,
      pairsUpTo: 0,
      denseReads: true,
    },
    "through postings only, collecting, phrases by pairs": {
      readCost: Number.POSITIVE_INFINITY,
      inPlaceFrom: Number.POSITIVE_INFINITY,
      pairsUpTo: Number.POSITIVE_INFINITY,
      denseReads: false,
    },
  };

  for (const [way, tuning] of Object.entries(tunings)) {
    it(`matches and scores as the domain's definition, ${way}`, () => {
      Object.assign(index.tuning, tuning);
      const queries = seededRandom(7);
      let nonEmpty = 0;
      for (let i = 0; i < 300; i++) {
        const q = query(queries);
        const search = parseSearch(q);
        if (search.nothing) continue;
        const expected: { position: number; score: number }[] = [];
        docs.forEach((doc, position) => {
          const score = scoreDocument(search, docWords(doc));
          if (score !== null) expected.push({ position, score: Math.min(255, Math.max(1, score)) });
        });
        const { positions, ascending, scores } = index.match(search);
        const found = [...positions];
        // Positions come in the order found; when the index says ascending, they must be.
        if (ascending) expect(found, q).toEqual([...found].sort((a, b) => a - b));
        const got = found.sort((a, b) => a - b).map((position) => ({ position, score: scores[position]! }));
        expect(got, q).toEqual(expected);
        if (expected.length > 0 && search.groups.length > 1) nonEmpty++;
      }
      // Queries of several words that still find something: where narrowing is exercised.
      expect(nonEmpty).toBeGreaterThan(40);
    });
  }
  Object.assign(index.tuning, auto);
});
