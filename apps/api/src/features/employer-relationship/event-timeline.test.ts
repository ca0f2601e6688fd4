import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdEvent, insertEvent } from "../../../test/fixtures/event-fixtures.ts";
import { Fixtures } from "../../../test/fixtures/report-fixtures.ts";
import { createHarness, type Harness } from "../../../test/harness.ts";

let h: Harness;
let f: Fixtures;
let held: string;
beforeAll(async () => {
  h = await createHarness();
  f = new Fixtures(h);
  const student = await f.student("Valley High");
  const volunteers = [
    { employer: "Valley Medical Center", from: "15:00", to: "18:30", checkedIn: true },
    { employer: "Valley Medical Center", from: "15:00", to: "17:00", checkedIn: true },
    { employer: "Valley Medical Center", from: "15:00", to: "17:00" },
    { employer: "Sierra Builders", from: "15:00", to: "17:00", checkedIn: true },
  ];
  held = await insertEvent(f, {
    kind: "mock_interviews",
    title: "Fall mock interviews",
    day: "2026-10-14",
    district: "Valley Unified",
    students: [{ id: student, school: "Valley High", checkedIn: true }],
    volunteers,
  });
  await holdEvent(f, held);
  // Not held yet: not on the timeline.
  await insertEvent(f, {
    kind: "career_fair",
    title: "Spring fair",
    day: "2027-03-03",
    students: [{ id: student, school: "Valley High" }],
    volunteers,
  });
});
afterAll(() => h.close());

async function timeline(email: string, employer = "Valley Medical Center") {
  const res = await h.app.inject({
    method: "GET",
    url: `/api/employers/${await h.orgId(employer)}/relationship`,
    headers: await h.as(email),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().timeline as Record<string, unknown>[];
}

describe("the employer relationship timeline", () => {
  it("shows a held event with how many of the employer's people volunteered and the hours they gave", async () => {
    const entries = (await timeline("intermediary@valley.example")).filter((e) => e.type === "volunteered");
    expect(entries).toEqual([
      expect.objectContaining({
        type: "volunteered",
        at: "2026-10-14T15:00:00.000Z",
        kind: "mock_interview",
        level: "engagement",
        title: "Fall mock interviews",
        district: "Valley Unified",
        volunteers: 2,
        volunteerHours: 5.5,
      }),
    ]);
    const coordinator = await timeline("coordinator@valley.example");
    expect(coordinator.filter((e) => e.type === "volunteered")).toHaveLength(1);
    const otherDistrict = await timeline("coordinator@riverbend.example");
    expect(otherDistrict.filter((e) => e.type === "volunteered")).toEqual([]);
  });
});
