import { describe, expect, it } from "vitest";
import { dashboardPeriod } from "./dashboard-period.ts";

// The arithmetic is the domain's (school-year.ts, report-periods.ts); these check what the cards are given.
describe("the dashboard's period", () => {
  it("gives the chosen school year's days and the year before, across centuries", () => {
    const { schoolYear, previous, range, previousRange } = dashboardPeriod(
      "1999-2000",
      new Date("2000-01-15T00:00:00Z"),
    );
    expect({ schoolYear, previous, range, previousRange }).toEqual({
      schoolYear: "1999-2000",
      previous: "1998-1999",
      range: { from: "1999-07-01", to: "2000-06-30" },
      previousRange: { from: "1998-07-01", to: "1999-06-30" },
    });
  });

  it("takes the twelve whole months ending this month, oldest first, whatever the school year", () => {
    const leap = dashboardPeriod("2025-2026", new Date("2024-02-29T23:59:59Z"));
    expect(leap.months).toEqual({ from: "2023-03-01", to: "2024-02-29" });
    expect(leap.monthList).toHaveLength(12);
    expect([leap.monthList[0], leap.monthList[11]]).toEqual(["2023-03", "2024-02"]);
    const december = dashboardPeriod("2025-2026", new Date("2025-12-31T23:59:59Z"));
    expect(december.months).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(december.monthList).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
      "2025-07",
      "2025-08",
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
    ]);
  });

  it("puts the chosen year, the one before and the trend's months together", () => {
    expect(dashboardPeriod("2025-2026", new Date("2026-03-10T00:00:00Z"))).toEqual({
      schoolYear: "2025-2026",
      previous: "2024-2025",
      range: { from: "2025-07-01", to: "2026-06-30" },
      previousRange: { from: "2024-07-01", to: "2025-06-30" },
      months: { from: "2025-04-01", to: "2026-03-31" },
      monthList: [
        "2025-04",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
      ],
    });
  });
});
