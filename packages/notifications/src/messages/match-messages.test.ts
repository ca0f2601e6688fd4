import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Language } from "../types.ts";
import { matchAcceptedMessage } from "./match-accepted.ts";
import { matchApprovedMessage } from "./match-approved.ts";
import { matchCancelledMessage } from "./match-cancelled.ts";
import { matchDeclinedMessage } from "./match-declined.ts";
import { matchInviteCancelledMessage } from "./match-invite-cancelled.ts";
import type { MatchCalendarFacts } from "./match-parts.ts";
import { matchScheduledMessage } from "./match-scheduled.ts";

const LA = "America/Los_Angeles";
const LINK = "https://bw.example/matches/m1";
const AT = new Date("2027-01-11T18:00:00Z");

const facts = (language: Language, students = 25) => ({
  recipient: { name: "Ana <Díaz>", email: "ana@example.org", language },
  timeZone: LA,
  link: LINK,
  engagement: {
    kind: "industry_tour" as const,
    title: "Robots & <you>",
    employer: "Valley Medical Center",
    school: "Valley High",
    students,
  },
});
const calendar = (sequence: number): MatchCalendarFacts => ({
  matchId: "m1",
  sequence,
  start: AT,
  opportunityStartsAt: null,
  opportunityEndsAt: null,
  place: { virtual: true, city: null },
  attendees: [{ name: "Ana", email: "ana@example.org" }],
  now: new Date("2026-12-06T00:00:00Z"),
});

function parseIcs(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(content, "base64").toString("utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return {
    method: calendar.getFirstPropertyValue("method"),
    summary: event.summary,
    location: event.location,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
  };
}

describe("match messages", () => {
  it.each([
    [
      "en",
      "New request from Valley High: Industry tour",
      "for 25 students, between March 1, 2027 and March 31, 2027",
      "Note from the school: Bring ID",
      "Open the match in Bridgework",
    ],
    [
      "es",
      "Nueva solicitud de Valley High: Visita a la empresa",
      "para 25 estudiantes, entre el 1 de marzo de 2027 y el 31 de marzo de 2027",
      "Nota de la escuela: Bring ID",
      "Abrir el emparejamiento en Bridgework",
    ],
  ] as const)(
    "asks the employer in %s with the school's window and note, escaping what people typed",
    async (language, subject, window, note, open) => {
      const m = await matchApprovedMessage({
        ...facts(language),
        windowStart: "2027-03-01",
        windowEnd: "2027-03-31",
        note: "Bring ID",
      });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(window);
      expect(m.text).toContain(note);
      expect(m.text).toContain(`${open}: ${LINK}`);
      expect(m.text).toContain("Robots & <you>");
      expect(m.html).toContain("Robots &amp; &lt;you&gt;");
      expect(m.html).toContain(`href="${LINK}"`);
      expect(m.attachments).toBeUndefined();
    },
  );

  it("says one student, not one students, in both languages", async () => {
    const en = await matchApprovedMessage({
      ...facts("en", 1),
      windowStart: "2027-03-01",
      windowEnd: "2027-03-31",
      note: null,
    });
    const es = await matchApprovedMessage({
      ...facts("es", 1),
      windowStart: "2027-03-01",
      windowEnd: "2027-03-31",
      note: null,
    });
    expect(en.text).toContain("for 1 student,");
    expect(en.text).toContain("Please accept or decline it in Bridgework.");
    expect(es.text).toContain("para 1 estudiante,");
  });

  it.each([
    [
      "en",
      "Valley Medical Center accepted: Industry tour",
      "Industry tour with Valley Medical Center for 25 students of Valley High",
      "Monday, January 11, 2027 at 10:00 AM PST",
    ],
    [
      "es",
      "Valley Medical Center aceptó: Visita a la empresa",
      "Visita a la empresa con Valley Medical Center para 25 estudiantes de Valley High",
      "lunes, 11 de enero de 2027, 10:00 a.m. PST",
    ],
  ] as const)(
    "tells the school in %s that the employer accepted, with the time in the region's zone",
    async (language, subject, what, when) => {
      const m = await matchAcceptedMessage({ ...facts(language), scheduledAt: AT });
      expect(m.subject).toBe(subject);
      expect(m.text).toContain(what);
      expect(m.text).toContain(when);
    },
  );

  it.each([
    ["en", "Valley Medical Center declined: Industry tour", "Reason: Guide <ill>"],
    ["es", "Valley Medical Center rechazó: Visita a la empresa", "Motivo: Guide <ill>"],
  ] as const)("tells the school in %s that the employer declined, and why", async (language, subject, reason) => {
    const m = await matchDeclinedMessage({ ...facts(language), reason: "Guide <ill>" });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(reason);
    expect(m.html).toContain("Guide &lt;ill&gt;");
  });

  it.each([
    [
      "en",
      0,
      "Scheduled: Industry tour, Monday, January 11, 2027 at 10:00 AM PST",
      "Industry tour: Robots & <you> (Valley High)",
      "Virtual",
    ],
    [
      "en",
      1,
      "Rescheduled: Industry tour, Monday, January 11, 2027 at 10:00 AM PST",
      "Industry tour: Robots & <you> (Valley High)",
      "Virtual",
    ],
    [
      "es",
      0,
      "Programado: Visita a la empresa, lunes, 11 de enero de 2027, 10:00 a.m. PST",
      "Visita a la empresa: Robots & <you> (Valley High)",
      "Virtual",
    ],
    [
      "es",
      2,
      "Reprogramado: Visita a la empresa, lunes, 11 de enero de 2027, 10:00 a.m. PST",
      "Visita a la empresa: Robots & <you> (Valley High)",
      "Virtual",
    ],
  ] as const)(
    "invites in %s (SEQUENCE %i) with an .ics in the reader's language that converts back to the same instant",
    async (language, sequence, subject, summary, location) => {
      const m = await matchScheduledMessage({ ...facts(language), calendar: calendar(sequence) });
      expect(m.subject).toBe(subject);
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments![0]).toMatchObject({ filename: "invite.ics", contentType: "text/calendar; method=REQUEST" });
      expect(parseIcs(m.attachments![0]!.content)).toEqual({
        method: "REQUEST",
        summary,
        location,
        sequence,
        start: "2027-01-11T18:00:00.000Z",
      });
    },
  );

  it.each([
    [
      "en",
      "cancelled",
      "Cancelled: Industry tour, Monday, January 11, 2027 at 10:00 AM PST",
      "Cancelled, Monday, January 11, 2027 at 10:00 AM PST",
    ],
    [
      "en",
      "declined",
      "Cancelled: Industry tour, Monday, January 11, 2027 at 10:00 AM PST",
      "Declined by the employer, Monday",
    ],
    [
      "es",
      "cancelled",
      "Cancelado: Visita a la empresa, lunes, 11 de enero de 2027, 10:00 a.m. PST",
      "Cancelado, lunes",
    ],
    [
      "es",
      "declined",
      "Cancelado: Visita a la empresa, lunes, 11 de enero de 2027, 10:00 a.m. PST",
      "Rechazado por el empleador, lunes",
    ],
  ] as const)("withdraws the invite in %s when %s, with a METHOD:CANCEL .ics", async (language, how, subject, line) => {
    const m = await matchInviteCancelledMessage({ ...facts(language), calendar: calendar(3), how, reason: "Snow day" });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(line);
    expect(m.text).toContain("Snow day");
    expect(m.attachments![0]!.contentType).toBe("text/calendar; method=CANCEL");
    expect(parseIcs(m.attachments![0]!.content)).toMatchObject({
      method: "CANCEL",
      sequence: 3,
      start: "2027-01-11T18:00:00.000Z",
    });
  });

  it.each([
    [
      "en",
      "Cancelled: Industry tour for Valley High",
      "Valley High cancelled: Industry tour with",
      "Reason: Trip moved",
    ],
    [
      "es",
      "Cancelado: Visita a la empresa para Valley High",
      "Valley High canceló: Visita a la empresa con",
      "Motivo: Trip moved",
    ],
  ] as const)("tells the employer in %s that the school cancelled an ask", async (language, subject, line, reason) => {
    const m = await matchCancelledMessage({ ...facts(language), reason: "Trip moved" });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(line);
    expect(m.text).toContain(reason);
  });
});
