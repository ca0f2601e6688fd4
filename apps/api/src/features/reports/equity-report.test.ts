import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../../test/harness.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";

/**
 * Valley High: 20 girls (the first 10 English learners; girls 1–5 completed a placement in 2025-2026, girls 6–7
 * only in 2024-2025), 15 boys (3 participants; the first 5 low income, 4 with unknown disability), 3 students
 * of gender X (1 participant, low income, with a disability). Riverbend High: 12 girls without a disability,
 * 2 participants, nothing else recorded.
 */
let h: Harness;
const ids: Record<string, string> = {};
const INT = "intermediary@valley.example";
const Y = "schoolYear=2025-2026";

beforeAll(async () => {
  h = await createHarness();
  const f = new Fixtures(h);
  const shadow = await f.opportunity("Valley Medical Center", "job_shadow", "Health Science and Medical Technology");
  const done = "2025-10-01T18:00:00Z";
  for (let i = 1; i <= 20; i++) {
    const s = await f.student("Valley High", {
      gender: "F",
      englishLearner: i <= 10,
      lowIncome: false,
      disability: false,
    });
    if (i <= 5) await f.placement(s, shadow, done);
    if (i === 6 || i === 7) await f.placement(s, shadow, "2025-05-01T18:00:00Z");
  }
  for (let i = 1; i <= 15; i++) {
    const s = await f.student("Valley High", {
      gender: "M",
      englishLearner: false,
      lowIncome: i <= 5,
      disability: i <= 4 ? null : false,
    });
    if (i <= 3) await f.placement(s, shadow, done);
  }
  for (let i = 1; i <= 3; i++) {
    const s = await f.student("Valley High", { gender: "X", englishLearner: false, lowIncome: true, disability: true });
    if (i === 1) await f.placement(s, shadow, done);
  }
  for (let i = 1; i <= 12; i++) {
    const s = await f.student("Riverbend High", { gender: "F", disability: false });
    if (i <= 2) await f.placement(s, shadow, done);
  }
  ids.riverbend = (await f.org("Riverbend Unified")).id;
});
afterAll(() => h.close());

async function equity(email: string, query: string, status = 200) {
  const res = await h.app.inject({ method: "GET", url: `/api/reports/equity?${query}`, headers: await h.as(email) });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe("equity report", () => {
  it("gives the participation rate per group and suppresses a small group together with the next smallest", async () => {
    const r = await equity(INT, `dimension=gender&${Y}`);
    expect(r.rows).toEqual([
      { group: "F", enrolled: 32, participants: 7, rate: 0.219, suppressed: false },
      // X has 3 students; alone hidden, the total minus F would give it away, so M (15) is hidden too.
      { group: "M", enrolled: null, participants: null, rate: null, suppressed: true },
      { group: "X", enrolled: null, participants: null, rate: null, suppressed: true },
    ]);
    expect(r.totals).toEqual({ group: "total", enrolled: 50, participants: 11, rate: 0.22, suppressed: false });
  });

  it("needs no complementary suppression when two groups are already hidden", async () => {
    const r = await equity(INT, `dimension=disability&${Y}`);
    expect(r.rows).toEqual([
      // N: 20 girls + 11 boys + 12 Riverbend girls; participants: girls 1–5 and 2 at Riverbend (boys 1–3 are "unknown").
      { group: "N", enrolled: 43, participants: 7, rate: 0.163, suppressed: false },
      { group: "Y", enrolled: null, participants: null, rate: null, suppressed: true },
      { group: "unknown", enrolled: null, participants: null, rate: null, suppressed: true },
    ]);
  });

  it("shows every group of 10 or more, unknown values as their own group", async () => {
    const r = await equity(INT, `dimension=englishLearner&${Y}`);
    expect(r.rows).toEqual([
      { group: "N", enrolled: 28, participants: 4, rate: 0.143, suppressed: false },
      { group: "Y", enrolled: 10, participants: 5, rate: 0.5, suppressed: false },
      { group: "unknown", enrolled: 12, participants: 2, rate: 0.167, suppressed: false },
    ]);
  });

  it("counts only placements completed in the school year", async () => {
    const before = await equity(INT, "dimension=gender&schoolYear=2024-2025");
    expect(before.totals).toMatchObject({ enrolled: 50, participants: 2 });
  });

  it("gives a coordinator the own district only, and 404 for another", async () => {
    const valley = await equity("coordinator@valley.example", `dimension=gender&${Y}`);
    expect(valley.rows.map((r: { group: string; suppressed: boolean }) => [r.group, r.suppressed])).toEqual([
      ["F", false],
      ["M", true],
      ["X", true],
    ]);
    expect(valley.totals).toMatchObject({ enrolled: 38, participants: 9 });
    const river = await equity("coordinator@riverbend.example", `dimension=gender&${Y}`);
    expect(river.rows).toEqual([{ group: "F", enrolled: 12, participants: 2, rate: 0.167, suppressed: false }]);
    await equity("coordinator@valley.example", `dimension=gender&districtId=${ids.riverbend}`, 404);
  });

  it("shows the Coast intermediary nothing of Valley's, and suppresses an empty total", async () => {
    const r = await equity("intermediary@coast.example", `dimension=gender&${Y}`);
    expect(r.rows).toEqual([]);
    expect(r.totals).toEqual({ group: "total", enrolled: null, participants: null, rate: null, suppressed: true });
  });

  it("gives the suppressed rows and the total as CSV", async () => {
    const res = await h.app.inject({
      method: "GET",
      url: `/api/reports/equity?dimension=gender&${Y}`,
      headers: { ...(await h.as(INT)), accept: "text/csv" },
    });
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(parse(res.body, { columns: true })).toEqual([
      { group: "F", enrolled: "32", participants: "7", rate: "0.219", suppressed: "N" },
      { group: "M", enrolled: "", participants: "", rate: "", suppressed: "Y" },
      { group: "X", enrolled: "", participants: "", rate: "", suppressed: "Y" },
      { group: "total", enrolled: "50", participants: "11", rate: "0.22", suppressed: "N" },
    ]);
  });

  it.each(["teacher@valley.example", "employer@valley.example"])("refuses %s with 403", async (email) => {
    await equity(email, "dimension=gender", 403);
  });
});
