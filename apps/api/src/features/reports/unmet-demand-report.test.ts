import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * Published in Valley: a guest speaker with no dates (50 seats), an industry tour on 1–2 Oct 2025 (10 seats), a
 * mock interview day in March 2026 (30 seats); a paused internship. Coast publishes an undated job shadow.
 *   r1 Valley High guest speaker, 20 students        → served (same kind, undated)
 *   r2 Valley High career fair, 20                    → served (a guest speaker is similar)
 *   r3 Eastside tour for 15 in October                → unmet: 10 seats only
 *   r4 Eastside tour for 8 in October                 → served
 *   r5 Eastside tour for 8 in November                → unmet: dates miss (Coast's job shadow is another region)
 *   r6 Valley High internship, expired                → unmet: the internship is paused
 *   r7 Riverbend mock interviews for 40 in March 2026 → unmet: 30 seats
 *   r8 cancelled, r9 matched                          → not demand
 */
let h: Harness;
const INT = "intermediary@valley.example";

beforeAll(async () => {
  h = await createHarness();
  const f = new Fixtures(h);
  const health = "Health Science and Medical Technology" as const;
  const building = "Building and Construction Trades" as const;
  await f.opportunity("Valley Medical Center", "guest_speaker", health);
  await f.opportunity("Sierra Builders", "industry_tour", building, {
    capacity: 10,
    startsAt: new Date("2025-10-01T16:00:00Z"),
    endsAt: new Date("2025-10-02T20:00:00Z"),
  });
  await f.opportunity("Central Valley Ag Co-op", "mock_interview", "Agriculture and Natural Resources", {
    capacity: 30,
    startsAt: new Date("2026-03-02T16:00:00Z"),
    endsAt: new Date("2026-03-05T20:00:00Z"),
  });
  await f.opportunity("Pixel Orchard Software", "internship", "Information and Communication Technologies", {
    status: "paused",
  });
  await f.opportunity("Harbor Marine Lab", "job_shadow", "Energy, Environment, and Utilities", { capacity: 100 });
  await f.request("Valley High", "guest_speaker", health);
  await f.request("Valley High", "career_fair", health);
  const october = { windowStart: "2025-10-01", windowEnd: "2025-10-31" };
  await f.request("Eastside High", "industry_tour", building, { students: 15, ...october });
  await f.request("Eastside High", "industry_tour", building, { students: 8, ...october });
  await f.request("Eastside High", "industry_tour", building, {
    students: 8,
    windowStart: "2025-11-01",
    windowEnd: "2025-11-30",
  });
  await f.request("Valley High", "internship", "Information and Communication Technologies", {
    students: 1,
    status: "expired",
  });
  await f.request("Riverbend High", "mock_interview", "Agriculture and Natural Resources", {
    students: 40,
    windowStart: "2026-03-01",
    windowEnd: "2026-03-31",
  });
  await f.request("Valley High", "job_shadow", health, { status: "cancelled" });
  await f.request("Valley High", "internship", health, { status: "matched" });
  await f.request("Coast High", "guest_speaker", "Energy, Environment, and Utilities");
});
afterAll(() => h.close());

async function unmet(email: string, query = "", status = 200) {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/reports/unmet-demand?${query}`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const brief = (r: {
  sector: string;
  kind: string;
  school: string;
  requests: number;
  open: number;
  expired: number;
  studentsWaiting: number;
}) => [r.school, r.kind, r.requests, r.open, r.expired, r.studentsWaiting];

describe("unmet demand report", () => {
  it("lists open and expired requests no published opportunity could serve, by sector, kind and school", async () => {
    const r = await unmet(INT);
    expect(r.rows.map(brief)).toEqual([
      ["Riverbend High", "mock_interview", 1, 1, 0, 40],
      ["Eastside High", "industry_tour", 2, 2, 0, 23],
      ["Valley High", "internship", 1, 0, 1, 1],
    ]);
    expect(r.rows[0]).toMatchObject({ sector: "Agriculture and Natural Resources", level: "engagement" });
    expect(r.totals).toEqual({ requests: 4, open: 3, expired: 1, studentsWaiting: 64 });
  });

  it("narrows to requests whose window touches the dates", async () => {
    expect((await unmet(INT, "from=2026-01-01")).rows.map(brief)).toEqual([
      ["Riverbend High", "mock_interview", 1, 1, 0, 40],
    ]);
  });

  it("gives coordinators their district and the Coast intermediary only Coast", async () => {
    expect((await unmet("coordinator@valley.example")).totals).toEqual({
      requests: 3,
      open: 2,
      expired: 1,
      studentsWaiting: 24,
    });
    expect((await unmet("coordinator@riverbend.example")).rows.map(brief)).toEqual([
      ["Riverbend High", "mock_interview", 1, 1, 0, 40],
    ]);
    expect((await unmet("intermediary@coast.example")).rows.map(brief)).toEqual([
      ["Coast High", "guest_speaker", 1, 1, 0, 20],
    ]);
  });

  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    await unmet(email, "", 403);
  });
});
