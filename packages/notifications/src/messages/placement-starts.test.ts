import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { type PlacementStartsFacts, placementStartsMessage } from "./placement-starts.ts";

const link = "https://bw.example/placements/p1";
const facts = (language: Language, hasAccount = true): PlacementStartsFacts => ({
  recipient: { name: "Dr. Lena Ortiz", email: "lena@example.org", language },
  timeZone: "America/Los_Angeles",
  placementId: "p1",
  student: "Maya Q.",
  school: "Valley High",
  employer: "Valley Medical Center",
  title: "Nursing internship",
  startDate: "2031-06-15",
  city: "Fresno",
  attendees: [{ name: "Dr. Lena Ortiz", email: "lena@example.org" }],
  link,
  hasAccount,
  now: new Date("2031-06-14T08:00:00Z"),
});

describe("the day before a placement's first day", () => {
  it.each([
    [
      "en",
      "Tomorrow: Maya Q. starts at Valley Medical Center",
      "on June 15, 2031",
      "First day: Maya Q. at Valley Medical Center (Nursing internship)",
    ],
    [
      "es",
      "Mañana: Maya Q. empieza en Valley Medical Center",
      "el 15 de junio de 2031",
      "Primer día: Maya Q. en Valley Medical Center (Nursing internship)",
    ],
  ] as const)("speaks %s and attaches an all-day entry for the first day", async (language, subject, day, summary) => {
    const m = await placementStartsMessage(facts(language));
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(day);
    expect(m.text).toContain(link);
    const event = new ICAL.Event(
      new ICAL.Component(
        ICAL.parse(Buffer.from(m.attachments![0]!.content, "base64").toString("utf8")),
      ).getFirstSubcomponent("vevent")!,
    );
    expect(event.uid).toBe("placement-p1@bridgework.dev");
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe("2031-06-15");
    expect(event.summary).toBe(summary);
  });

  it("offers no Bridgework link in the email to a supervisor, who has no account", async () => {
    const m = await placementStartsMessage(facts("en", false));
    expect(m.text).not.toContain(link);
    expect(m.html).not.toContain(`href="${link}"`);
  });
});
