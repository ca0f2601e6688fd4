import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { type EngagementTomorrowFacts, engagementTomorrowMessage } from "./engagement-tomorrow.ts";

const LA = "America/Los_Angeles";
const link = "https://bw.example/matches/m1";

const facts = (language: Language, overrides: Partial<EngagementTomorrowFacts> = {}): EngagementTomorrowFacts => ({
  recipient: { name: "Ana <Díaz>", email: "ana@example.org", language },
  timeZone: LA,
  matchId: "m1",
  engagement: {
    kind: "guest_speaker",
    title: "Careers in nursing",
    employer: "Valley Medical Center",
    school: "Valley High",
    students: 25,
  },
  at: new Date("2027-01-11T18:00:00Z"),
  icsSequence: 2,
  opportunityStartsAt: null,
  opportunityEndsAt: null,
  city: "Fresno",
  virtual: false,
  attendees: [
    { name: "Ana <Díaz>", email: "ana@example.org" },
    { name: "Ben", email: "ben@example.org" },
  ],
  link,
  now: new Date("2027-01-10T20:00:00Z"),
  ...overrides,
});

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(content, "base64").toString("utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!) };
}

describe("the reminder the day before an engagement", () => {
  it.each([
    [
      "en",
      "Tomorrow: Guest speaker, Monday, January 11, 2027 at 10:00 AM PST",
      "Guest speaker with Valley Medical Center for 25 students of Valley High",
      "Guest speaker: Careers in nursing (Valley High)",
    ],
    [
      "es",
      "Mañana: Charla de un profesional, lunes, 11 de enero de 2027, 10:00 a.m. PST",
      "Charla de un profesional con Valley Medical Center para 25 estudiantes de Valley High",
      "Charla de un profesional: Careers in nursing (Valley High)",
    ],
  ] as const)(
    "speaks %s, shows the time in the region's zone and attaches the invite in the same language",
    async (language, subject, what, summary) => {
      const m = await engagementTomorrowMessage(facts(language));
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(what);
      expect(m.text).toContain(link);
      expect(m.html).toContain("Ana &lt;Díaz&gt;");
      const { calendar, event } = parse(m.attachments![0]!.content);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(event.summary).toBe(summary);
      expect(event.description).toContain(what);
      expect(event.location).toBe("Fresno");
    },
  );

  it("sends the invite the schedule email carried: same UID and SEQUENCE, 18:00 UTC as 10:00 in Los Angeles, everyone invited", async () => {
    const m = await engagementTomorrowMessage(facts("en"));
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments![0]!.contentType).toBe("text/calendar; method=REQUEST");
    expect(Buffer.from(m.attachments![0]!.content, "base64").toString("utf8")).toContain(
      "DTSTART;TZID=America/Los_Angeles:20270111T100000",
    );
    const { event } = parse(m.attachments![0]!.content);
    expect(event.uid).toBe("match-m1@bridgework.dev");
    expect(event.sequence).toBe(2);
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-11T18:00:00.000Z");
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      "mailto:ana@example.org",
      "mailto:ben@example.org",
    ]);
  });

  it("says one student, and names a virtual engagement's place as virtual", async () => {
    const m = await engagementTomorrowMessage(
      facts("es", {
        engagement: {
          kind: "mock_interview",
          title: "Práctica",
          employer: "Pixel",
          school: "Valley High",
          students: 1,
        },
        virtual: true,
      }),
    );
    expect(m.text).toContain("Entrevista de práctica con Pixel para 1 estudiante de Valley High");
    expect(parse(m.attachments![0]!.content).event.location).toBe("Virtual");
  });

  it("shows a July engagement in daylight time (PDT) and New York's in its own zone", async () => {
    const july = await engagementTomorrowMessage(facts("en", { at: new Date("2027-07-12T17:00:00Z") }));
    expect(july.subject).toContain("10:00 AM PDT");
    const ny = await engagementTomorrowMessage(facts("en", { timeZone: "America/New_York" }));
    expect(ny.subject).toContain("1:00 PM EST");
  });
});
