import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * Completed (match approvals 10 days before completion, accepted the day after approval):
 *   VMC  guest speaker 2024-10-15 (Valley High; teacher says host again)   → 2024-2025
 *   SB   industry tour 2024-11-10 (Valley High; teacher says host again)   → 2024-2025
 *   VMC  guest speaker 2025-09-20 (Valley High; teacher and employer: yes)
 *   VMC  internship placement 2025-11-15 (evaluation: would host again)
 *   SB   industry tour 2025-10-10 (Valley High; teacher yes, employer no)
 *   PX   teacher externship 2025-12-10 (Valley High)
 *   AG   guest speaker 2025-10-20 (Riverbend High), teacher externship 2026-01-20 (Valley High)
 * Declined asks: VMC approved 2024-09-01, SB approved 2025-09-15.
 */
let h: Harness;
const INT = "intermediary@valley.example";

beforeAll(async () => {
  h = await createHarness();
  const f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const speak = await f.opportunity("Valley Medical Center", "guest_speaker", health);
  const intern = await f.opportunity("Valley Medical Center", "internship", health);
  const tour = await f.opportunity("Sierra Builders", "industry_tour", "Building and Construction Trades");
  const extern = await f.opportunity(
    "Pixel Orchard Software",
    "teacher_externship",
    "Information and Communication Technologies",
  );
  const agSpeak = await f.opportunity("Central Valley Ag Co-op", "guest_speaker", "Agriculture and Natural Resources");
  const agExtern = await f.opportunity(
    "Central Valley Ag Co-op",
    "teacher_externship",
    "Agriculture and Natural Resources",
  );
  const m1 = await f.completedMatch("Valley High", speak, "2024-10-15T18:00:00Z", 20);
  await f.feedback(m1, "teacher@valley.example", true);
  const m2 = await f.completedMatch("Valley High", tour, "2024-11-10T18:00:00Z", 20);
  await f.feedback(m2, "teacher@valley.example", true);
  const m3 = await f.completedMatch("Valley High", speak, "2025-09-20T18:00:00Z", 20);
  await f.feedback(m3, "teacher@valley.example", true);
  await f.feedback(m3, "employer@valley.example", true);
  await f.placement(await f.student("Valley High"), intern, "2025-11-15T18:00:00Z", {
    evaluation: { given: true, hostAgain: true },
  });
  const m4 = await f.completedMatch("Valley High", tour, "2025-10-10T18:00:00Z", 20);
  await f.feedback(m4, "teacher@valley.example", true);
  await f.feedback(m4, "builder@valley.example", false);
  await f.completedMatch("Valley High", extern, "2025-12-10T18:00:00Z", 2);
  await f.completedMatch("Riverbend High", agSpeak, "2025-10-20T18:00:00Z", 30);
  await f.completedMatch("Valley High", agExtern, "2026-01-20T18:00:00Z", 1);
  await f.declinedAsk("Valley High", speak, "2024-09-01T18:00:00Z");
  await f.declinedAsk("Valley High", tour, "2025-09-15T18:00:00Z");
});
afterAll(() => h.close());

async function employers(email: string, query = "", status = 200) {
  const res = await h.app.inject({ method: "GET", url: `/api/reports/employers?${query}`, headers: await h.as(email) });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe("employer engagement report", () => {
  it("counts employers per school year by the highest level they reached, asks vs accepted and host again", async () => {
    const r = await employers(INT);
    expect(r.rows).toEqual([
      {
        schoolYear: "2024-2025",
        employers: 2,
        byHighestLevel: { exposure: 2, engagement: 0, experience: 0, educator: 0 },
        asks: 3,
        accepted: 2,
        acceptRate: 0.667,
        hostAgainYes: 2,
        hostAgainAnswers: 2,
        hostAgainRate: 1,
      },
      {
        schoolYear: "2025-2026",
        employers: 4,
        byHighestLevel: { exposure: 2, engagement: 0, experience: 1, educator: 1 },
        asks: 6,
        accepted: 5,
        acceptRate: 0.833,
        // VMC's speaker visit and internship yes; SB's tour no (the employer said no); AG unanswered.
        hostAgainYes: 2,
        hostAgainAnswers: 3,
        hostAgainRate: 0.667,
      },
    ]);
    expect(r.totals).toEqual({
      employers: 4,
      byHighestLevel: { exposure: 2, engagement: 0, experience: 1, educator: 1 },
      asks: 9,
      accepted: 7,
      acceptRate: 0.778,
      hostAgainYes: 4,
      hostAgainAnswers: 5,
      hostAgainRate: 0.8,
    });
  });

  it("lists employers who only ever did exposure activities (educator activities aside)", async () => {
    const r = await employers(INT);
    expect(
      r.exposureOnly.map((e: { name: string; experiences: number; lastCompletedOn: string }) => [
        e.name,
        e.experiences,
        e.lastCompletedOn,
      ]),
    ).toEqual([
      ["Sierra Builders", 2, "2025-10-10"],
      ["Central Valley Ag Co-op", 1, "2026-01-20"],
    ]);
    expect(r.exposureOnly[0].sectors).toEqual(["Building and Construction Trades"]);
  });

  it("narrows to one school year", async () => {
    const r = await employers(INT, "schoolYear=2024-2025");
    expect(r.rows.map((row: { schoolYear: string }) => row.schoolYear)).toEqual(["2024-2025"]);
    expect(r.totals).toMatchObject({ employers: 2, asks: 3, accepted: 2 });
  });

  it("keeps coordinators to their district's experiences and asks", async () => {
    const valley = await employers("coordinator@valley.example");
    expect(valley.totals).toMatchObject({
      employers: 4,
      byHighestLevel: { exposure: 1, engagement: 0, experience: 1, educator: 2 },
      asks: 8,
      accepted: 6,
    });
    expect(valley.exposureOnly.map((e: { name: string }) => e.name)).toEqual(["Sierra Builders"]);
    const river = await employers("coordinator@riverbend.example");
    expect(river.totals).toMatchObject({ employers: 1, asks: 1, accepted: 1 });
    expect(river.exposureOnly.map((e: { name: string }) => e.name)).toEqual(["Central Valley Ag Co-op"]);
  });

  it("shows the Coast intermediary nothing of Valley's", async () => {
    const r = await employers("intermediary@coast.example");
    expect(r.rows).toEqual([]);
    expect(r.exposureOnly).toEqual([]);
    expect(r.totals).toMatchObject({ employers: 0, asks: 0, hostAgainRate: null });
  });

  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    await employers(email, "", 403);
  });
});
