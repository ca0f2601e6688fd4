import { describe, expect, it } from "vitest";
import { dayInZone, isoInZone } from "./zoned-time.ts";

describe("isoInZone", () => {
  it("writes a winter instant in Los Angeles with the PST offset", () => {
    expect(isoInZone(new Date("2026-12-06T14:34:00Z"), "America/Los_Angeles")).toBe("2026-12-06T06:34:00-08:00");
  });

  it("writes a summer instant with the daylight-saving offset", () => {
    expect(isoInZone(new Date("2026-07-01T00:05:09Z"), "America/Los_Angeles")).toBe("2026-06-30T17:05:09-07:00");
  });

  it("writes UTC and half-hour zones with their offsets", () => {
    expect(isoInZone(new Date("2026-12-06T14:34:00Z"), "UTC")).toBe("2026-12-06T14:34:00+00:00");
    expect(isoInZone(new Date("2026-12-06T14:34:00Z"), "Asia/Kolkata")).toBe("2026-12-06T20:04:00+05:30");
  });

  it("reads back as the same instant", () => {
    const at = new Date("2027-03-14T10:30:00Z"); // the morning Los Angeles springs forward
    expect(new Date(isoInZone(at, "America/Los_Angeles")).getTime()).toBe(at.getTime());
  });
});

describe("dayInZone", () => {
  it("gives the region's calendar day, not UTC's, late in the evening", () => {
    expect(dayInZone(new Date("2026-12-07T05:00:00Z"), "America/Los_Angeles")).toBe("2026-12-06");
  });
});
