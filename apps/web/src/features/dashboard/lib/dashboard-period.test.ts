import * as domain from "@bridgework/domain";
import { describe, expect, it } from "vitest";
import {
  dashboardPeriod,
  lastTwelveMonths,
  monthsIn,
  previousSchoolYear,
  schoolYearBounds,
  schoolYearsBack,
} from "./dashboard-period.ts";

// The dashboard restates the domain's school-year arithmetic (no date-fns on its page): the same answers.
const YEARS = ["1999-2000", "2024-2025", "2025-2026", "2026-2027", "2099-2100"];
const DAYS = [
  "2024-01-01T00:00:00Z",
  "2024-02-29T23:59:59Z",
  "2025-06-30T12:00:00Z",
  "2025-07-01T00:00:00Z",
  "2025-12-31T23:59:59Z",
  "2026-11-15T08:00:00Z",
  "2026-12-01T00:00:00Z",
];

describe("the dashboard's period", () => {
  it("names school years, their days and the years before as the domain does", () => {
    for (const year of YEARS) {
      expect(previousSchoolYear(year), year).toBe(domain.previousSchoolYear(year));
      expect(schoolYearBounds(year), year).toEqual(domain.schoolYearBounds(year));
      expect(schoolYearsBack(year, 3), year).toEqual(domain.schoolYearsBack(year, 3));
    }
  });

  it("takes the last twelve whole months and lists them as the domain does", () => {
    for (const day of DAYS) {
      const months = lastTwelveMonths(new Date(day));
      expect(months, day).toEqual(domain.lastTwelveMonths(new Date(day)));
      expect(monthsIn(months), day).toEqual(domain.monthsIn(months));
      expect(monthsIn(months), day).toHaveLength(12);
    }
    for (const range of [
      { from: "2025-07-01", to: "2026-06-30" },
      { from: "2025-12-01", to: "2026-01-31" },
      { from: "2026-03-01", to: "2026-03-31" },
    ])
      expect(monthsIn(range)).toEqual(domain.monthsIn(range));
  });

  it("puts the chosen year, the one before and the trend's months together", () => {
    expect(dashboardPeriod("2025-2026", new Date("2026-03-10T00:00:00Z"))).toEqual({
      schoolYear: "2025-2026",
      previous: "2024-2025",
      range: { from: "2025-07-01", to: "2026-06-30" },
      previousRange: { from: "2024-07-01", to: "2025-06-30" },
      months: { from: "2025-04-01", to: "2026-03-31" },
      monthList: domain.monthsIn({ from: "2025-04-01", to: "2026-03-31" }),
    });
  });
});
