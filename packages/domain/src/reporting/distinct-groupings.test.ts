import { describe, expect, it } from "vitest";
import { DISTINCT_GROUPINGS, type DistinctQuestion, distinctGroupingFor } from "./distinct-groupings.ts";

const year = { from: "2024-07-01", to: "2025-06-30", districtFiltered: false, schoolFiltered: false };
const ask = (q: Partial<DistinctQuestion>) => distinctGroupingFor({ ...year, dims: [], ...q });
const indexOf = (...dims: string[]) => DISTINCT_GROUPINGS.findIndex((g) => g.join() === dims.join());

describe("which first-row bits answer a report's distinct counts", () => {
  it("a kept grouping over one whole school year uses its bits, in any order of dimensions", () => {
    expect(ask({ dims: ["sector", "level"] })).toBe(indexOf("sector", "level"));
    expect(ask({ dims: ["level", "sector"] })).toBe(indexOf("sector", "level"));
    expect(ask({ dims: [] })).toBe(0);
  });

  it("a grouping that is not kept counts distinct ids", () => {
    expect(ask({ dims: ["school", "kind"] })).toBeNull();
    expect(ask({ dims: ["sector", "level", "kind"] })).toBeNull();
  });

  it("a range that cuts a school year, or spans two without grouping by year, counts distinct ids", () => {
    expect(ask({ dims: ["sector"], from: "2024-07-02" })).toBeNull();
    expect(ask({ dims: ["sector"], to: "2025-06-29" })).toBeNull();
    expect(ask({ dims: ["sector"], from: "2023-07-01" })).toBeNull();
    expect(ask({ dims: ["sector"], from: null })).toBeNull();
    expect(ask({ dims: ["sector", "schoolYear"], from: "2023-07-01" })).toBe(indexOf("sector"));
    expect(ask({ dims: ["schoolYear"], from: null, to: null })).toBe(0);
  });

  it("months partition any range of whole months, across school years", () => {
    expect(ask({ dims: ["month"], from: "2024-12-01", to: "2025-11-30" })).toBe(indexOf("month"));
    expect(ask({ dims: ["month"], from: "2024-02-01", to: "2024-02-29" })).toBe(indexOf("month"));
    expect(ask({ dims: ["month"], from: "2024-12-01", to: "2025-11-29" })).toBeNull();
    expect(ask({ dims: ["month"], from: "2024-12-02", to: "2025-11-30" })).toBeNull();
  });

  it("a district or school filter needs that dimension in the grouping", () => {
    expect(ask({ dims: ["sector"], districtFiltered: true })).toBeNull();
    expect(ask({ dims: ["district", "kind"], districtFiltered: true })).toBe(indexOf("district", "kind"));
    expect(ask({ dims: ["school"], schoolFiltered: true })).toBe(indexOf("school"));
    expect(ask({ dims: ["school"], schoolFiltered: true, districtFiltered: true })).toBeNull();
  });
});
