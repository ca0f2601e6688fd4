import { describe, expect, it } from "vitest";
import { evaluationCode, KIND_TO_WBL_CODE } from "./calpads.ts";
import { previousSchoolYear, schoolYearBounds, schoolYearOf } from "./school-year.ts";
import { suppressCells } from "./suppression.ts";

describe("school years", () => {
  it("puts June 30 in the year that ends and July 1 in the next", () => {
    expect(schoolYearOf("2026-06-30")).toBe("2025-2026");
    expect(schoolYearOf("2026-07-01")).toBe("2026-2027");
    expect(schoolYearOf(new Date("2026-11-25T10:00:00Z"))).toBe("2026-2027");
  });
  it("knows a year's bounds and the one before", () => {
    expect(schoolYearBounds("2025-2026")).toEqual({ from: "2025-07-01", to: "2026-06-30" });
    expect(previousSchoolYear("2026-2027")).toBe("2025-2026");
    expect(() => schoolYearBounds("2025-2027")).toThrow();
  });
});

describe("small-cell suppression", () => {
  it("hides groups under 10 students and computes rates for the rest", () => {
    const rows = suppressCells([
      { group: "F", enrolled: 50, participants: 10 },
      { group: "M", enrolled: 40, participants: 20 },
      { group: "X", enrolled: 4, participants: 1 },
      { group: "Y", enrolled: 3, participants: 0 },
    ]);
    expect(rows).toEqual([
      { group: "F", enrolled: 50, participants: 10, rate: 0.2, suppressed: false },
      { group: "M", enrolled: 40, participants: 20, rate: 0.5, suppressed: false },
      { group: "X", enrolled: null, participants: null, rate: null, suppressed: true },
      { group: "Y", enrolled: null, participants: null, rate: null, suppressed: true },
    ]);
  });
  it("also hides the next-smallest group when only one is hidden, so the total cannot reveal it", () => {
    const rows = suppressCells([
      { group: "F", enrolled: 50, participants: 10 },
      { group: "M", enrolled: 40, participants: 20 },
      { group: "X", enrolled: 4, participants: 1 },
    ]);
    expect(rows.filter((r) => r.suppressed).map((r) => r.group)).toEqual(["M", "X"]);
  });
});

describe("CALPADS codes", () => {
  it("reports internships as 10 and leaves guest speakers out", () => {
    expect(KIND_TO_WBL_CODE.internship).toBe("10");
    expect(KIND_TO_WBL_CODE.guest_speaker).toBeUndefined();
    expect(evaluationCode(false)).toBe("N");
  });
});
