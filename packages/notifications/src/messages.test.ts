import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildInvite, formatDateTime, invitationMessage, type Language } from "./index.ts";

const LA = "America/Los_Angeles";
const recipient = (language: Language) => ({ name: "Ana <Díaz>", email: "ana@example.org", language });

describe("invitation", () => {
  it.each([
    ["en", "You're invited to Bridgework (Valley High)", "Set your password", "PST"],
    ["es", "Le invitamos a Bridgework (Valley High)", "Crear su contraseña", "PST"],
  ] as const)(
    "speaks %s, escapes names and shows the expiry in the region's zone",
    async (language, subject, action, zone) => {
      const m = await invitationMessage({
        recipient: recipient(language),
        timeZone: LA,
        role: "teacher",
        organization: "Valley High",
        link: "https://bw.example/invite/abc",
        expiresAt: new Date("2027-01-11T18:00:00Z"),
      });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(`${action}: https://bw.example/invite/abc`);
      expect(m.text).toContain("Ana <Díaz>");
      expect(m.html).toContain("Ana &lt;Díaz&gt;");
      expect(m.html).toContain(`lang="${language}"`);
      expect(m.text).toContain(`10:00`);
      expect(m.text).toContain(zone);
    },
  );
});

describe("times in the region's zone", () => {
  it("reads an 18:00 UTC January engagement as 10:00 AM PST in Los Angeles, in both languages", () => {
    const at = new Date("2027-01-11T18:00:00Z");
    expect(formatDateTime(at, "en", LA)).toBe("Monday, January 11, 2027 at 10:00 AM PST");
    expect(formatDateTime(at, "es", LA)).toBe("lunes, 11 de enero de 2027, 10:00 a.m. PST");
    expect(formatDateTime(at, "en", "America/New_York")).toContain("1:00 PM EST");
  });

  it("writes the .ics with the region's TZID and a VTIMEZONE that ical.js converts back to the same instant", () => {
    const ics = buildInvite({
      matchId: "m1",
      sequence: 0,
      method: "REQUEST",
      start: new Date("2027-01-11T18:00:00Z"),
      opportunityStartsAt: null,
      opportunityEndsAt: null,
      summary: "Guest speaker",
      description: "d",
      location: null,
      url: "https://bw.example/matches/m1",
      attendees: [],
      now: new Date("2026-12-06T00:00:00Z"),
      timeZone: LA,
    });
    expect(ics).toContain("DTSTART;TZID=America/Los_Angeles:20270111T100000");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-11T18:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-01-11T19:00:00.000Z");
  });
});
