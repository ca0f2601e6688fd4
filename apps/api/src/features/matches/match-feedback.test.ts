import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, manualClock } from "../../../test/harness.ts";
import {
  createMatchVia,
  get,
  insertOpportunity,
  insertRequest,
  post,
  T,
  TEST_NOW,
} from "../../../test/fixtures/match.fixtures.ts";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ clock: manualClock(TEST_NOW) });
});
afterAll(() => h.close());

type Detail = {
  status: string;
  attendedStudents: number | null;
  feedback: { role: string; author: { name: string }; rating: number; hostAgain: boolean; comment: string | null }[];
  feedbackHidden: number;
};
const detail = async (who: string, id: string) => {
  const res = await get(h, who, `/api/matches/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const seen = (d: Detail) => d.feedback.map((f) => [f.role, f.author.name, f.rating, f.hostAgain, f.comment]);

/** A visit that happened two days before the test clock, not yet marked completed. */
async function pastVisit() {
  const request = await insertRequest(h, { students: 25, windowStart: "2031-03-01", windowEnd: "2031-03-31" });
  const match = await createMatchVia(h, T.coordinator, request.id, (await insertOpportunity(h)).id, 25);
  const accepted = await post(h, T.employer, `/api/matches/${match.id}/accept`, {
    scheduledAt: "2031-03-08T16:00:00Z",
  });
  expect(accepted.json().status, accepted.body).toBe("scheduled");
  return match.id;
}

describe("completing a visit and reading its feedback", () => {
  it("records attendance, then shows each side its own answer and the other's only after answering; coordinators read all", async () => {
    const id = await pastVisit();
    expect(await detail(T.teacher, id)).toMatchObject({ feedback: [], feedbackHidden: 0 });

    const done = await post(h, T.teacher, `/api/matches/${id}/complete`, { attendedStudents: 22 });
    expect(done.statusCode, done.body).toBe(200);
    expect(await detail(T.employer, id)).toMatchObject({ status: "completed", attendedStudents: 22 });

    const given = await post(h, T.teacher, `/api/matches/${id}/feedback`, {
      rating: 5,
      hostAgain: true,
      comment: "The students loved the demo",
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({
      matchId: id,
      role: "teacher",
      author: { name: "Tanya Nguyen" },
      rating: 5,
      hostAgain: true,
    });

    // The teacher reads their own answer; the employer, who has not answered, only learns that someone did.
    expect(seen(await detail(T.teacher, id))).toEqual([
      ["teacher", "Tanya Nguyen", 5, true, "The students loved the demo"],
    ]);
    expect(await detail(T.employer, id)).toMatchObject({ feedback: [], feedbackHidden: 1 });
    expect(seen(await detail(T.coordinator, id))).toHaveLength(1);

    expect(
      (
        await post(h, T.employer, `/api/matches/${id}/feedback`, {
          rating: 4,
          hostAgain: false,
          comment: "Too short a slot",
        })
      ).statusCode,
    ).toBe(201);
    // Oldest first; both were given at the same (test) time here, so compare without order.
    const both = [
      ["employer", "Elena Park", 4, false, "Too short a slot"],
      ["teacher", "Tanya Nguyen", 5, true, "The students loved the demo"],
    ];
    for (const who of [T.teacher, T.employer, T.coordinator, T.intermediary]) {
      const d = await detail(who, id);
      expect(seen(d).sort(), who).toEqual(both);
      expect(d.feedbackHidden).toBe(0);
    }
  });

  it("answers a bad rating or attendance with per-field problems, and another region with 404", async () => {
    const id = await pastVisit();
    const attendance = await post(h, T.teacher, `/api/matches/${id}/complete`, { attendedStudents: -1 });
    expect(attendance.statusCode).toBe(400);
    expect(JSON.stringify(attendance.json())).toContain("attendedStudents");
    expect((await post(h, T.teacher, `/api/matches/${id}/complete`, { attendedStudents: 20 })).statusCode).toBe(200);
    const rating = await post(h, T.employer, `/api/matches/${id}/feedback`, { rating: 0, hostAgain: true });
    expect(rating.statusCode).toBe(400);
    expect(JSON.stringify(rating.json())).toContain("rating");
    expect((await get(h, T.coastEmployer, `/api/matches/${id}`)).statusCode).toBe(404);
    expect(
      (await post(h, T.coastEmployer, `/api/matches/${id}/feedback`, { rating: 3, hostAgain: true })).statusCode,
    ).toBe(404);
  });
});
