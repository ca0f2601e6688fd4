import { describe, expect, it } from "vitest";
import { lastTwelveMonths, schoolYearOf, schoolYearRange } from "./school-year.ts";

describe("dashboard date ranges", () => {
  it("takes the twelve whole months ending with the current one, through its last day", () => {
    expect(lastTwelveMonths(new Date("2026-12-03T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(lastTwelveMonths(new Date("2028-02-10T10:00:00Z"))).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });

  it("runs school years July to June", () => {
    expect(schoolYearOf(new Date("2026-06-30T23:00:00Z"))).toBe("2025-2026");
    expect(schoolYearOf(new Date("2026-07-01T00:00:00Z"))).toBe("2026-2027");
    expect(schoolYearRange("2026-2027")).toEqual({ from: "2026-07-01", to: "2027-06-30" });
  });
});
