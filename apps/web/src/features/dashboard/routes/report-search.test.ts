import { describe, expect, it } from "vitest";
import { isSchoolYear, schoolYearOf } from "@bridgework/domain";
import { isSchoolYearText, schoolYearOfDay, validateReportSearch } from "./report-search.ts";

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
  it("is the domain's school year of the day, around the July 1 turn", () => {
    for (const day of [
      "2026-06-30T23:59:59Z",
      "2026-07-01T00:00:00Z",
      "2027-01-01T00:00:00Z",
      "2025-12-31T23:59:59Z",
    ]) {
      expect(schoolYearOfDay(new Date(day)), day).toBe(schoolYearOf(new Date(day)));
    }
  });

  it("takes the same school years as the domain", () => {
    for (const year of ["2025-2026", "2025-2027", "2025", "2025-2026x", "1999-2000", "abcd-efgh"]) {
      expect(isSchoolYearText(year), year).toBe(isSchoolYear(year));
    }
  });
});
