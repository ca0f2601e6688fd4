import { describe, expect, it } from "vitest";
import { isSchoolYear, lastTwelveMonths, monthsIn, schoolYearsBack } from "./report-periods.ts";
import { schoolYearBounds, schoolYearOf } from "./school-year.ts";

describe("report date ranges", () => {
  it("takes the twelve whole months ending with the current one, through its last day", () => {
    expect(lastTwelveMonths(new Date("2026-12-03T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(lastTwelveMonths(new Date("2028-02-10T10:00:00Z"))).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });

  it("runs school years July to June", () => {
    expect(schoolYearOf(new Date("2026-06-30T23:00:00Z"))).toBe("2025-2026");
    expect(schoolYearOf(new Date("2026-07-01T00:00:00Z"))).toBe("2026-2027");
    expect(schoolYearBounds("2026-2027")).toEqual({ from: "2026-07-01", to: "2027-06-30" });
  });

  it("names every month a range touches, across a new year, as the API's month grouping does", () => {
    expect(monthsIn(lastTwelveMonths(new Date("2028-02-10T10:00:00Z")))).toEqual([
      "2027-03",
      "2027-04",
      "2027-05",
      "2027-06",
      "2027-07",
      "2027-08",
      "2027-09",
      "2027-10",
      "2027-11",
      "2027-12",
      "2028-01",
      "2028-02",
    ]);
    expect(monthsIn({ from: "2026-07-15", to: "2026-07-20" })).toEqual(["2026-07"]);
    expect(monthsIn({ from: "2026-08-01", to: "2026-07-31" })).toEqual([]);
  });

  it("offers school years newest first and knows one when it sees it", () => {
    expect(schoolYearsBack("2026-2027", 3)).toEqual(["2026-2027", "2025-2026", "2024-2025"]);
    expect(schoolYearsBack("2026-2027", 1)).toEqual(["2026-2027"]);
    expect(isSchoolYear("2025-2026")).toBe(true);
    expect(isSchoolYear("2025-2027")).toBe(false);
    expect(isSchoolYear("2025")).toBe(false);
  });
});
