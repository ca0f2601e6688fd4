import { describe, expect, it } from "vitest";
import { oneOf, pageParam, textParam } from "./search-params.ts";

describe("pageParam", () => {
  it("takes a positive whole page number, from a number or the URL's text", () => {
    expect(pageParam(3)).toBe(3);
    expect(pageParam("12")).toBe(12);
  });

  it("falls back to the first page for anything else", () => {
    for (const value of [undefined, null, "", "abc", 0, -2, 1.5, "2.5", {}]) expect(pageParam(value)).toBe(1);
  });
});

describe("oneOf", () => {
  const KINDS = ["talk", "tour"] as const;
  it("keeps a known choice and drops an unknown one", () => {
    expect(oneOf(KINDS, "tour")).toBe("tour");
    expect(oneOf(KINDS, "Tour")).toBeUndefined();
    expect(oneOf(KINDS, 1)).toBeUndefined();
    expect(oneOf(KINDS, undefined)).toBeUndefined();
  });
});

describe("textParam", () => {
  it("trims search text and cuts it to its longest", () => {
    expect(textParam("  valley  ", 100)).toBe("valley");
    expect(textParam("abcdef", 3)).toBe("abc");
  });

  it("reads blank or non-text as no search", () => {
    for (const value of [undefined, "", "   ", 5, ["a"]]) expect(textParam(value, 100)).toBeUndefined();
  });
});
