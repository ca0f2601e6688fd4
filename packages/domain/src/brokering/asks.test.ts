import { describe, expect, it } from "vitest";
import { dayIn, withinWindow } from "./request.ts";
import { bookableNow, compareSuggestions } from "./suggestions.ts";

const window = { windowStart: "2031-03-01", windowEnd: "2031-03-31" };
const LA = "America/Los_Angeles";

describe("a time inside a request's window", () => {
  it("reads the instant as the region's calendar day", () => {
    expect(dayIn(new Date("2031-04-01T06:30:00Z"), LA)).toBe("2031-03-31");
    expect(dayIn(new Date("2031-04-01T06:30:00Z"), "UTC")).toBe("2031-04-01");
  });

  it("takes every moment of the first and last days, and nothing outside them", () => {
    expect(withinWindow(window, new Date("2031-03-01T08:00:00Z"), LA)).toBe(true); // midnight, March 1, PST
    expect(withinWindow(window, new Date("2031-03-01T07:59:00Z"), LA)).toBe(false); // 11:59 pm, February 28
    expect(withinWindow(window, new Date("2031-04-01T06:59:00Z"), LA)).toBe(true); // 11:59 pm, March 31, PDT
    expect(withinWindow(window, new Date("2031-04-01T07:00:00Z"), LA)).toBe(false); // midnight, April 1
  });
});

describe("bookable suggestions first", () => {
  it("is bookable with no cap or asks left under it", () => {
    expect(bookableNow({ asksThisMonth: 9, askCapPerMonth: null })).toBe(true);
    expect(bookableNow({ asksThisMonth: 3, askCapPerMonth: 4 })).toBe(true);
    expect(bookableNow({ asksThisMonth: 4, askCapPerMonth: 4 })).toBe(false);
    expect(bookableNow({ asksThisMonth: 0, askCapPerMonth: 0 })).toBe(false);
  });

  it("puts every bookable one before any that is not, whatever the scores, then best score, sooner date, id", () => {
    const s = (id: string, bookable: boolean, score: number, startsAt: Date | null = null) => ({
      id,
      bookable,
      score,
      startsAt,
    });
    const sorted = [
      s("capped-best", false, 0.95),
      s("low", true, 0.4),
      s("high-later", true, 0.8, new Date("2031-03-20")),
      s("high-sooner", true, 0.8, new Date("2031-03-10")),
      s("capped", false, 0.5),
    ].sort(compareSuggestions);
    expect(sorted.map((x) => x.id)).toEqual(["high-sooner", "high-later", "low", "capped-best", "capped"]);
  });
});
