import { matches, matchFeedback, opportunities, users } from "@bridgework/db";
import {
  type MatchStatus,
  type OpportunityFacts,
  type RequestFacts,
  type Sector,
  unusableBecause,
} from "@bridgework/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import { get, insertOpportunity, insertRequest, T, TEST_NOW } from "../../../test/fixtures/match.fixtures.ts";

let h: Harness;
let requestId: string;
const ids: Record<string, string> = {};

/** A match written straight to the table, for an employer's history. */
async function pastMatch(
  employer: string,
  status: MatchStatus,
  approvedAt: Date,
  kind: "guest_speaker" | "industry_tour" = "guest_speaker",
  window?: { windowStart: string; windowEnd: string },
) {
  const opportunity = await insertOpportunity(h, { employer, kind: "guest_speaker", status: "closed" });
  const request = await insertRequest(h, { teacher: T.teacher2, kind, ...window });
  const [row] = await h.db.db
    .insert(matches)
    .values({
      regionId: opportunity.regionId,
      requestId: request.id,
      opportunityId: opportunity.id,
      employerId: opportunity.employerId,
      seats: 1,
      status,
      proposedBy: request.createdBy,
      approvedAt,
    })
    .returning();
  return row!;
}

/**
 * A request for an in-person industry tour for 20 tenth/eleventh graders of Valley High (Fresno)
 * in March 2031, and opportunities of which four are usable and the rest are out for one reason each.
 */
beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
  const request = await insertRequest(h, { students: 20, gradeLevels: [10, 11] });
  requestId = request.id;
  const march12 = { startsAt: new Date("2031-03-12T16:00:00Z"), endsAt: new Date("2031-03-12T18:00:00Z") };

  // Usable.
  ids.perfect = (await insertOpportunity(h, { title: "Hospital tour", ...march12 })).id;
  ids.similar = (
    await insertOpportunity(h, {
      employer: "Sierra Builders",
      kind: "job_shadow",
      capacity: 30,
      startsAt: null,
      endsAt: null,
      modality: "hybrid",
    })
  ).id;
  ids.capped = (
    await insertOpportunity(h, {
      employer: "Pixel Orchard Software",
      sector: "Building and Construction Trades",
      startsAt: new Date("2031-02-25T16:00:00Z"),
      endsAt: new Date("2031-03-02T18:00:00Z"),
    })
  ).id;
  ids.duplicate = (await insertOpportunity(h, { employer: "Central Valley Ag Co-op", ...march12 })).id;
  // Not usable, each for one reason.
  ids.draft = (await insertOpportunity(h, { status: "draft" })).id;
  ids.paused = (await insertOpportunity(h, { status: "paused" })).id;
  ids.otherKind = (await insertOpportunity(h, { kind: "internship" })).id;
  ids.fewSeats = (await insertOpportunity(h, { capacity: 25, seatsTaken: 6 })).id;
  ids.virtual = (await insertOpportunity(h, { modality: "virtual" })).id;
  ids.april = (
    await insertOpportunity(h, { startsAt: new Date("2031-04-02T16:00:00Z"), endsAt: new Date("2031-04-02T18:00:00Z") })
  ).id;
  ids.adultsOnly = (await insertOpportunity(h, { minAge: 18 })).id;
  ids.otherRegion = (await insertOpportunity(h, { employer: "Harbor Marine Lab" })).id;
  ids.alreadyAsked = (await insertOpportunity(h)).id;
  await h.db.db.insert(matches).values({
    regionId: request.regionId,
    requestId,
    opportunityId: ids.alreadyAsked,
    employerId: await h.orgId("Valley Medical Center"),
    seats: 20,
    status: "proposed",
    proposedBy: request.createdBy,
  });

  // Sierra Builders hosted twice before and everyone would have them again.
  for (const approvedAt of [new Date("2030-10-01T12:00:00Z"), new Date("2030-11-01T12:00:00Z")]) {
    const m = await pastMatch("Sierra Builders", "completed", approvedAt);
    await h.db.db.insert(matchFeedback).values([
      {
        matchId: m.id,
        employerId: m.employerId,
        userId: await h.userId(T.teacher2),
        role: "teacher",
        rating: 5,
        hostAgain: true,
      },
      {
        matchId: m.id,
        employerId: m.employerId,
        userId: await h.userId(T.builder),
        role: "employer",
        rating: 5,
        hostAgain: true,
      },
    ]);
  }
  // Pixel Orchard has had its 4 asks this month (the cap), all since declined.
  for (let i = 0; i < 4; i++) await pastMatch("Pixel Orchard Software", "declined", new Date("2031-03-05T12:00:00Z"));
  // Another teacher already has a live ask with the Ag Co-op for a tour in an overlapping window.
  await pastMatch("Central Valley Ag Co-op", "approved", new Date("2031-03-06T12:00:00Z"), "industry_tour", {
    windowStart: "2031-03-20",
    windowEnd: "2031-04-10",
  });
});
afterAll(() => h.close());

type Suggested = {
  opportunity: { id: string; title: string; seatsLeft: number; employerName: string };
  score: number;
  reasons: { code: string; params: Record<string, unknown>; label: string }[];
};
const suggestions = async (as: string, query = "") => {
  const res = await get(h, as, `/api/requests/${requestId}/suggestions${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Suggested[];
};
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe("GET /api/requests/:id/suggestions", () => {
  it("suggests only the usable opportunities, best first, with the reasons", async () => {
    const got = await suggestions(T.teacher);
    expect(got.map((s) => name(s.opportunity.id))).toEqual(["perfect", "duplicate", "similar", "capped"]);
    const [perfect, duplicate, similar, capped] = got;
    expect(perfect).toMatchObject({ score: 0.925, opportunity: { title: "Hospital tour", seatsLeft: 25 } });
    expect(perfect!.reasons.map((r) => r.code)).toEqual([
      "sector_match",
      "same_kind",
      "dates_within",
      "modality_exact",
      "same_city",
      "new_employer",
    ]);
    expect(duplicate!.reasons.map((r) => r.code)).toEqual([
      "sector_match",
      "same_kind",
      "dates_within",
      "modality_exact",
      "new_employer",
      "asked_often",
      "duplicate_ask",
    ]);
    expect(duplicate!.score).toBeCloseTo(0.7875, 2);
    expect(similar).toMatchObject({ score: 0.699 });
    expect(similar!.reasons.map((r) => r.code)).toEqual([
      "sector_match",
      "similar_kind",
      "ongoing",
      "modality_compatible",
      "host_again",
    ]);
    expect(similar!.reasons.find((r) => r.code === "host_again")!.label).toBe(
      "Would host again in 2 of 2 past engagements",
    );
    expect(capped).toMatchObject({ score: 0.3 });
    expect(capped!.reasons.map((r) => r.code)).toEqual([
      "same_kind",
      "dates_overlap",
      "modality_exact",
      "same_city",
      "new_employer",
      "ask_cap_reached",
    ]);
  });

  it("leaves out each unusable opportunity, for the reason the domain gives (or because it is another region's, or already asked)", async () => {
    const returned = new Set((await suggestions(T.coordinator, "?limit=50")).map((s) => s.opportunity.id));
    const request: RequestFacts = {
      kind: "industry_tour",
      sector: "Health Science and Medical Technology",
      students: 20,
      gradeLevels: [10, 11],
      windowStart: "2031-03-01",
      windowEnd: "2031-03-31",
      modality: "in_person",
      schoolCity: "Fresno",
    };
    const expected: Record<string, string | null> = {
      draft: "not published",
      paused: "not published",
      otherKind: "different kind",
      fewSeats: "not enough seats",
      virtual: "modality does not fit",
      april: "dates miss the window",
      adultsOnly: "students too young",
      otherRegion: null,
      alreadyAsked: null,
    };
    for (const [key, reason] of Object.entries(expected)) {
      expect(returned.has(ids[key]!), key).toBe(false);
      const [o] = await h.db.db.select().from(opportunities).where(eq(opportunities.id, ids[key]!));
      const facts: OpportunityFacts = { ...o!, sector: o!.sector as Sector, seatsLeft: o!.capacity - o!.seatsTaken };
      expect(unusableBecause(request, facts), key).toBe(reason);
    }
  });

  it("gives the same answer to the teacher, the coordinator and the intermediary, and honours the limit", async () => {
    const teacher = await suggestions(T.teacher);
    expect(await suggestions(T.coordinator)).toEqual(teacher);
    expect(await suggestions(T.intermediary)).toEqual(teacher);
    expect((await suggestions(T.teacher, "?limit=2")).map((s) => name(s.opportunity.id))).toEqual([
      "perfect",
      "duplicate",
    ]);
    expect((await get(h, T.teacher, `/api/requests/${requestId}/suggestions?limit=51`)).statusCode).toBe(400);
    expect((await get(h, T.teacher, `/api/requests/${requestId}/suggestions?limit=0`)).statusCode).toBe(400);
  });

  it("sees an intermediary raising an employer's cap at once", async () => {
    const reasonsOfCapped = async () =>
      (await suggestions(T.teacher)).find((s) => s.opportunity.id === ids.capped)!.reasons.map((r) => r.code);
    const setCap = async (cap: number) => {
      const url = `/api/organizations/${await h.orgId("Pixel Orchard Software")}`;
      const res = await h.app.inject({
        method: "PATCH",
        url,
        headers: await h.as(T.intermediary),
        payload: { askCapPerMonth: cap },
      });
      expect(res.statusCode).toBe(200);
    };
    expect(await reasonsOfCapped()).toContain("ask_cap_reached"); // and now remembered for the next call
    await setCap(10);
    expect(await reasonsOfCapped()).toContain("asked_often");
    expect(await reasonsOfCapped()).not.toContain("ask_cap_reached");
    await setCap(4);
    expect(await reasonsOfCapped()).toContain("ask_cap_reached");
  });

  it("words the reasons in the reader's saved language, with the same numbers in params", async () => {
    const english = await suggestions(T.coordinator); // cached in English for this person
    const setLanguage = (language: "en" | "es") =>
      h.db.db.update(users).set({ language }).where(eq(users.email, T.coordinator));
    await setLanguage("es");
    try {
      const spanish = await suggestions(T.coordinator);
      expect(spanish.map((s) => s.score)).toEqual(english.map((s) => s.score));
      expect(spanish.map((s) => s.reasons.map(({ code, params }) => ({ code, params })))).toEqual(
        english.map((s) => s.reasons.map(({ code, params }) => ({ code, params }))),
      );
      const similar = spanish.find((s) => s.opportunity.id === ids.similar)!;
      expect(similar.reasons.find((r) => r.code === "host_again")).toEqual({
        code: "host_again",
        params: { yes: 2, answers: 2 },
        label: "Volvería a recibir estudiantes en 2 de 2 experiencias anteriores",
      });
      const perfect = spanish.find((s) => s.opportunity.id === ids.perfect)!;
      expect(perfect.reasons[0]).toEqual({
        code: "sector_match",
        params: { sector: "Health Science and Medical Technology" },
        label: "Mismo sector: Ciencias de la salud y tecnología médica",
      });
      const capped = spanish
        .find((s) => s.opportunity.id === ids.capped)!
        .reasons.find((r) => r.code === "ask_cap_reached")!;
      expect(capped.params).toEqual({ asks: expect.any(Number), cap: 4 });
      expect(capped.label).toBe(`Ya se le pidió ${capped.params.asks} veces este mes (límite 4)`);
      const overlap = spanish
        .find((s) => s.opportunity.id === ids.capped)!
        .reasons.find((r) => r.code === "dates_overlap")!;
      expect(overlap.params).toEqual({ overlapDays: expect.any(Number), windowDays: 31 });
      // The saved language wins over the browser's.
      await setLanguage("en");
      const res = await h.app.inject({
        method: "GET",
        url: `/api/requests/${requestId}/suggestions`,
        headers: { ...(await h.as(T.coordinator)), "accept-language": "es" },
      });
      expect(res.json<Suggested[]>()[0]!.reasons[0]!.label).toBe("Same sector: Health Science and Medical Technology");
    } finally {
      await setLanguage("en");
    }
  });

  it("answers 404 for a request the person may not see, and 403 to an employer", async () => {
    expect((await get(h, T.teacher2, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(404);
    expect((await get(h, T.riverbend, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(404);
    expect((await get(h, T.coastCoordinator, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(404);
    expect((await get(h, T.coastIntermediary, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(404);
    expect((await get(h, T.employer, `/api/requests/${requestId}/suggestions`)).statusCode).toBe(403);
    expect((await get(h, T.teacher, `/api/requests/00000000-0000-4000-8000-000000000000/suggestions`)).statusCode).toBe(
      404,
    );
  });
});

describe("suggestions that can be booked come first", () => {
  const suggestionsFor = async (id: string, as: string = T.coordinator) => {
    const res = await get(h, as, `/api/requests/${id}/suggestions?limit=50`);
    expect(res.statusCode).toBe(200);
    return res.json() as (Suggested & { bookable: boolean })[];
  };
  const vmc = () => h.orgId("Valley Medical Center");
  const setCap = async (cap: number | null) => {
    const res = await h.app.inject({
      method: "PATCH",
      url: `/api/organizations/${await vmc()}`,
      headers: await h.as(T.intermediary),
      payload: { askCapPerMonth: cap },
    });
    expect(res.statusCode).toBe(200);
  };

  it("never suggests an opportunity again for a request whose employer declined it", async () => {
    const request = await insertRequest(h, { students: 20, gradeLevels: [10, 11] });
    const before = await suggestionsFor(request.id);
    const top = before[0]!.opportunity.id;
    expect(before[0]!.bookable).toBe(true);
    const created = await h.app.inject({
      method: "POST",
      url: "/api/matches",
      headers: await h.as(T.coordinator),
      payload: { requestId: request.id, opportunityId: top, seats: 20 },
    });
    expect(created.statusCode).toBe(201);
    // While the ask is open it is not offered again either (read-your-writes through the cache).
    expect((await suggestionsFor(request.id)).map((s) => s.opportunity.id)).not.toContain(top);
    const declined = await h.app.inject({
      method: "POST",
      url: `/api/matches/${created.json().id}/decline`,
      headers: await h.as(T.employer),
      payload: { reason: "No guide free that week" },
    });
    expect(declined.statusCode).toBe(200);
    const after = await suggestionsFor(request.id, T.teacher);
    expect(after.map((s) => s.opportunity.id)).not.toContain(top);
    expect(after.length).toBe(before.length - 1);
    expect(after[0]!.bookable).toBe(true);
    // Another request may still be offered it.
    const fresh = await insertRequest(h, { students: 20, gradeLevels: [10, 11] });
    expect((await suggestionsFor(fresh.id)).map((s) => s.opportunity.id)).toContain(top);
  });

  it("puts an employer at its monthly ask cap after every bookable offer, marked, so the top one can be booked", async () => {
    const request = await insertRequest(h, { students: 20, gradeLevels: [10, 11] });
    const best = (await suggestionsFor(request.id))[0]!;
    expect(best.opportunity.employerName).toBe("Valley Medical Center");
    const asks = (best.reasons.find((r) => r.code === "asked_often")?.params.asks as number | undefined) ?? 0;
    expect(asks).toBeGreaterThan(0); // the previous test's ask
    // Valley Medical Center (the best fit) has had as many asks this month as its cap allows.
    await setCap(asks);
    try {
      const got = await suggestionsFor(request.id);
      const blocked = got.filter((s) => s.opportunity.employerName === "Valley Medical Center");
      expect(blocked.length).toBeGreaterThan(0);
      for (const s of blocked) {
        expect(s.bookable).toBe(false);
        expect(s.reasons.find((r) => r.code === "ask_cap_reached")!.label).toBe(
          `Already asked ${asks} time${asks === 1 ? "" : "s"} this month (cap ${asks})`,
        );
      }
      // Every bookable offer comes first, whatever its score; then those that cannot be booked now.
      const firstBlocked = got.findIndex((s) => !s.bookable);
      expect(firstBlocked).toBeGreaterThan(0);
      expect(got.slice(firstBlocked).every((s) => !s.bookable)).toBe(true);
      expect(got[0]!.bookable).toBe(true);
      // The top suggestion really can be booked; the capped best fit cannot.
      const top = await h.app.inject({
        method: "POST",
        url: "/api/matches",
        headers: await h.as(T.coordinator),
        payload: { requestId: request.id, opportunityId: got[0]!.opportunity.id, seats: 20 },
      });
      expect(top.statusCode).toBe(201);
      const refused = await h.app.inject({
        method: "POST",
        url: "/api/matches",
        headers: await h.as(T.coordinator),
        payload: { requestId: request.id, opportunityId: best.opportunity.id, seats: 20 },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().type).toBe("https://bridgework.dev/problems/ask-limit-reached");
    } finally {
      await setCap(null);
    }
  });
});
