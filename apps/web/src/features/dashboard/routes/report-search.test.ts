import { describe, expect, it } from "vitest";
import { validateReportSearch } from "./report-search.ts";

const today = new Date("2026-12-06T12:00:00Z");

describe("the report builder's address", () => {
  it("defaults to sector × level, experiences, this school year", () => {
    expect(validateReportSearch({}, today)).toMatchObject({
      by: "sector,level",
      measure: "experiences",
      year: "2026-2027",
      from: undefined,
      to: undefined,
    });
  });

  it("keeps known choices and drops unknown, repeated or extra ones", () => {
    const s = validateReportSearch(
      {
        by: "school,bogus,school,kind,month,level",
        measure: "hours",
        kind: "internship",
        level: "nope",
        districtId: "not-a-uuid",
      },
      today,
    );
    expect(s).toMatchObject({
      by: "school,kind,month",
      measure: "hours",
      kind: "internship",
      level: undefined,
      districtId: undefined,
    });
  });

  it("takes a custom range when there is no valid school year", () => {
    expect(validateReportSearch({ from: "2025-09-01", to: "2025-12-31" }, today)).toMatchObject({
      year: undefined,
      from: "2025-09-01",
      to: "2025-12-31",
    });
    expect(validateReportSearch({ year: "2025-2027", from: "2025-09-01" }, today)).toMatchObject({
      year: undefined,
      from: "2025-09-01",
    });
    expect(validateReportSearch({ year: "2024-2025", from: "2025-09-01" }, today)).toMatchObject({
      year: "2024-2025",
      from: undefined,
    });
  });
});

describe("the school year a report starts on", () => {
  it("is the school year of the day, around the July 1 turn", () => {
    const years = ["2026-06-30T23:59:59Z", "2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z", "2025-12-31T23:59:59Z"].map(
      (day) => validateReportSearch({}, new Date(day)).year,
    );
    expect(years).toEqual(["2025-2026", "2026-2027", "2026-2027", "2025-2026"]);
  });

  it("keeps a school year from the address, and takes this one for anything else", () => {
    for (const [year, kept] of [
      ["2025-2026", true],
      ["1999-2000", true],
      ["2025-2027", false],
      ["2025", false],
      ["2025-2026x", false],
      ["abcd-efgh", false],
    ] as const) {
      expect(validateReportSearch({ year }, today).year, year).toBe(kept ? year : "2026-2027");
    }
  });
});
