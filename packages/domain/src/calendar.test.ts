import { describe, expect, it } from "vitest";
import { addDays, dayOf, dayStartedEverywhere, isoWeek } from "./calendar.ts";

describe("calendar days", () => {
  it("reads the UTC date of an instant and steps across month, year and leap-day ends", () => {
    expect(dayOf(new Date("2026-06-30T23:59:59Z"))).toBe("2026-06-30");
    expect(addDays("2026-06-30", 1)).toBe("2026-07-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("takes a date as begun everywhere only once it has begun at UTC−12", () => {
    expect(dayStartedEverywhere(new Date("2026-07-01T11:59:59Z"))).toBe("2026-06-30");
    expect(dayStartedEverywhere(new Date("2026-07-01T12:00:00Z"))).toBe("2026-07-01");
  });

  it("names ISO weeks, including the ones that straddle a new year", () => {
    expect(isoWeek("2026-12-03")).toEqual({ week: "2026-W49", monday: "2026-11-30" });
    // 2027-01-01 is a Friday: it belongs to the last week of 2026.
    expect(isoWeek("2027-01-01")).toEqual({ week: "2026-W53", monday: "2026-12-28" });
    // 2024-12-30 is a Monday whose Thursday is in 2025: week 1 of 2025.
    expect(isoWeek("2024-12-30")).toEqual({ week: "2025-W01", monday: "2024-12-30" });
  });
});
