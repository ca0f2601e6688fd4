import { matches, opportunities, organizations, requests } from "@bridgework/db";
import {
  bookableNow,
  compareSuggestions,
  KINDS,
  levelOf,
  MATCH_STATUSES,
  MODALITIES,
  monthOf,
  OPEN_MATCH_STATUSES,
  type RequestFacts,
  SECTORS,
  type Sector,
  scoreSuggestion,
  unusableBecause,
} from "@bridgework/domain";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { get, insertRequest, T, TEST_NOW } from "../../../test/fixtures/match.fixtures.ts";
import { askedElsewhere, readEmployerStanding } from "../../lib/catalog/employer-standing.ts";
import { MAX_CANDIDATES } from "./suggestion.queries.ts";
import { seededRandom } from "../../../test/fixtures/random-catalog.ts";

/**
 * Suggestions against the straightforward way on a random catalog: every opportunity of the
 * region read with plain SQL, the domain's own rules (`unusableBecause`, `scoreSuggestion`,
 * `compareSuggestions`) applied to each, minus what the request was already asked for. The
 * API's path (the catalog in memory, columns by kind, only the window's range of starts, the
 * top ranks gathered) must give the same opportunities in the same order with the same scores.
 * The catalog is random in every field suggestions read: kinds, status, seats, format,
 * minimum age, city (in any case), and dates (none, a start only, an end only, short and long
 * spans around the windows).
 */

let h: Harness;
let regionId: string;
const requestIds: string[] = [];

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
  const rand = seededRandom(20261207);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const employers = await h.db.db
    .select({ id: organizations.id, regionId: organizations.regionId, city: organizations.city })
    .from(organizations)
    .where(eq(organizations.type, "employer"));
  regionId = (await h.db.db.select().from(organizations).where(eq(organizations.name, "Valley Medical Center")))[0]!
    .regionId;
  const local = employers.filter((e) => e.regionId === regionId);
  const cities = ["Fresno", "fresno", "Clovis", "Visalia", null];
  // A few kinds (and their similar ones), so requests find enough to rank.
  const kinds = ["industry_tour", "job_shadow", "guest_speaker", "internship", pick(KINDS)] as const;
  const base = Date.UTC(2031, 0, 1);
  await h.db.db.insert(opportunities).values(
    Array.from({ length: 180 }, (_, i) => {
      const kind = pick(kinds);
      const capacity = 1 + Math.floor(rand() * 40);
      const start = base + Math.floor(rand() * 210) * DAY + 15 * 3_600_000;
      const span = pick([0, 2 * 3_600_000, 3 * DAY, 20 * DAY, 120 * DAY]);
      const dates = rand();
      return {
        regionId,
        employerId: pick(local).id,
        kind,
        level: levelOf(kind),
        sector: pick(SECTORS),
        title: `Random opportunity ${i}`,
        modality: pick(MODALITIES),
        city: pick(cities),
        capacity,
        seatsTaken: Math.floor(rand() * (capacity + 1)),
        status: rand() < 0.75 ? ("published" as const) : pick(["draft", "paused", "closed"] as const),
        minAge: rand() < 0.3 ? 14 + Math.floor(rand() * 5) : null,
        startsAt: dates < 0.15 ? null : new Date(start),
        endsAt: dates < 0.1 ? new Date(start + span) : dates < 0.25 ? null : new Date(start + span),
      };
    }),
  );
  const published = await h.db.db
    .select({ id: opportunities.id, employerId: opportunities.employerId })
    .from(opportunities)
    .where(and(eq(opportunities.regionId, regionId), eq(opportunities.status, "published")));
  for (let i = 0; i < 40; i++) {
    const start = Date.UTC(2031, 1, 1) + Math.floor(rand() * 150) * DAY;
    const grades = [9, 10, 11, 12].filter(() => rand() < 0.5);
    const request = await insertRequest(h, {
      teacher: pick([T.teacher, T.teacher2]),
      kind: pick(kinds),
      sector: pick(SECTORS),
      students: 1 + Math.floor(rand() * 8),
      gradeLevels: grades.length ? grades : [10],
      windowStart: day(start),
      windowEnd: day(start + Math.floor(rand() * 90) * DAY),
      modality: pick(MODALITIES),
    });
    requestIds.push(request.id);
    // Some asked already (never suggested again while live or declined; a completed one is no bar).
    for (let k = Math.floor(rand() * 3); k > 0; k--) {
      const o = pick(published);
      await h.db.db.insert(matches).values({
        regionId,
        requestId: request.id,
        opportunityId: o.id,
        employerId: o.employerId,
        seats: 1,
        status: pick(MATCH_STATUSES),
        proposedBy: request.createdBy,
      });
    }
  }
  await h.app.regionCache.sync();
}, 60_000);

afterAll(() => h?.close());

/** The straightforward answer: every opportunity of the region through the domain's rules. */
async function oracle(requestId: string, limit: number) {
  const [r] = await h.db.db
    .select({ request: requests, schoolCity: organizations.city })
    .from(requests)
    .innerJoin(organizations, eq(organizations.id, requests.schoolId))
    .where(eq(requests.id, requestId));
  const facts: RequestFacts = {
    kind: r!.request.kind,
    sector: r!.request.sector as Sector,
    students: r!.request.students,
    gradeLevels: r!.request.gradeLevels,
    windowStart: r!.request.windowStart,
    windowEnd: r!.request.windowEnd,
    modality: r!.request.modality,
    schoolCity: r!.schoolCity,
  };
  const asked = new Set(
    (
      await h.db.db
        .select({ id: matches.opportunityId })
        .from(matches)
        .where(and(eq(matches.requestId, requestId), inArray(matches.status, [...OPEN_MATCH_STATUSES, "declined"])))
    ).map((m) => m.id),
  );
  const standing = await readEmployerStanding(h.db.db, regionId, monthOf(TEST_NOW));
  const all = await h.db.db.select().from(opportunities).where(eq(opportunities.regionId, regionId));
  const usable = all
    .map((o) => ({
      o,
      facts: {
        kind: o.kind,
        sector: o.sector as Sector,
        status: o.status,
        seatsLeft: o.capacity - o.seatsTaken,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        modality: o.modality,
        minAge: o.minAge,
        city: o.city,
      },
    }))
    .filter(({ o, facts: f }) => unusableBecause(facts, f) === null && !asked.has(o.id));
  const ranked = usable
    .map(({ o, facts: f }) => {
      const s = standing.get(o.employerId);
      const employer = {
        asksThisMonth: s ? s.approvedAsks + s.invitations : 0,
        askCapPerMonth: s?.askCapPerMonth ?? null,
        hostAgainYes: s?.hostAgainYes ?? 0,
        hostAgainAnswers: s?.hostAgainAnswers ?? 0,
        duplicateAsk: s
          ? askedElsewhere(s, {
              requestId,
              kind: facts.kind,
              windowStart: facts.windowStart,
              windowEnd: facts.windowEnd,
            })
          : false,
      };
      return {
        id: o.id,
        startsAt: o.startsAt,
        bookable: bookableNow(employer),
        ...scoreSuggestion(facts, f, employer),
      };
    })
    .sort(compareSuggestions);
  return {
    usable: usable.length,
    top: ranked.slice(0, limit).map(({ id, score, bookable }) => ({ id, score, bookable })),
  };
}

describe("suggestions against the straightforward domain answer", () => {
  it("gives the same opportunities, order, scores and bookability for 40 random requests", async () => {
    let withSome = 0;
    for (const requestId of requestIds) {
      const expected = await oracle(requestId, 50);
      // Exact only while every usable one is a candidate (the API scores the best MAX_CANDIDATES).
      expect(expected.usable).toBeLessThan(MAX_CANDIDATES);
      const res = await get(h, T.intermediary, `/api/requests/${requestId}/suggestions?limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      const got = (res.json() as { opportunity: { id: string }; score: number; bookable: boolean }[]).map(
        ({ opportunity, score, bookable }) => ({ id: opportunity.id, score, bookable }),
      );
      expect(got, requestId).toEqual(expected.top);
      if (got.length >= 5) withSome++;
    }
    // The requests must exercise the selection, not only agree on empty answers.
    expect(withSome).toBeGreaterThan(10);
  }, 60_000);
});
