import { TZDate } from "@date-fns/tz";
import { utc } from "@date-fns/utc";
import { addDays, parseISO } from "date-fns";
import ical, { type ICalCalendar, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Attachment } from "./types.ts";

export const INVITE_ORGANIZER = { name: "Bridgework", email: "no-reply@bridgework.dev" };
const DEFAULT_DURATION_MS = 60 * 60_000;

/** What every calendar entry says and whom it goes to. */
export interface EventContent {
  summary: string;
  description: string;
  location: string | null;
  url: string;
  attendees: { name: string; email: string }[];
  now: Date;
  /** The region's IANA zone: times are written with its TZID and a VTIMEZONE. */
  timeZone: string;
}

export interface InviteFacts extends EventContent {
  matchId: string;
  /** iCalendar SEQUENCE: calendars apply an update only when it is higher than what they have. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  /** The opportunity's own dates, when it has them, give the length of the engagement. */
  opportunityStartsAt: Date | null;
  opportunityEndsAt: Date | null;
}

/** Same UID for every version of a match's invite, so a reschedule or cancel replaces the first one. */
export function inviteUid(matchId: string): string {
  return `match-${matchId}@bridgework.dev`;
}

function durationMs(f: InviteFacts): number {
  if (!f.opportunityStartsAt || !f.opportunityEndsAt) return DEFAULT_DURATION_MS;
  const length = f.opportunityEndsAt.getTime() - f.opportunityStartsAt.getTime();
  // A multi-week internship's dates are not one meeting: fall back to an hour.
  return length >= 15 * 60_000 && length <= 12 * 3600_000 ? length : DEFAULT_DURATION_MS;
}

/**
 * A calendar in the region's zone. ical-generator writes a native Date's *local* fields when a
 * zone is set, so instants are passed as TZDate (the same instant, read in that zone).
 */
function calendarIn(timeZone: string, method: "REQUEST" | "CANCEL"): ICalCalendar {
  return ical({
    prodId: { company: "Bridgework", product: "Bridgework", language: "EN" },
    method: method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
  });
}

const inZone = (at: Date, timeZone: string) => new TZDate(at.getTime(), timeZone);

/** The .ics text for a match's engagement (METHOD:REQUEST to invite or update, METHOD:CANCEL to withdraw it). */
export function buildInvite(f: InviteFacts): string {
  const calendar = calendarIn(f.timeZone, f.method);
  calendar.createEvent({
    id: inviteUid(f.matchId),
    sequence: f.sequence,
    stamp: inZone(f.now, f.timeZone),
    start: inZone(f.start, f.timeZone),
    end: inZone(new Date(f.start.getTime() + durationMs(f)), f.timeZone),
    timezone: f.timeZone,
    summary: f.summary,
    description: f.description,
    location: f.location,
    url: f.url,
    status: f.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: INVITE_ORGANIZER,
    attendees: f.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: f.method === "REQUEST" })),
  });
  return calendar.toString();
}

/** As an email attachment (base64), the way the outbox stores them. */
export function inviteAttachment(f: InviteFacts): Attachment {
  return {
    filename: "invite.ics",
    contentType: `text/calendar; method=${f.method}`,
    content: Buffer.from(buildInvite(f), "utf8").toString("base64"),
  };
}

export interface PlacementStartFacts extends EventContent {
  placementId: string;
  /** YYYY-MM-DD: a placement starts on a day, not at an hour. */
  startDate: string;
}

/** An all-day event for a placement's first day (its own UID; placements have no earlier invite to replace). */
export function placementStartAttachment(f: PlacementStartFacts): Attachment {
  const calendar = ical({
    prodId: { company: "Bridgework", product: "Bridgework", language: "EN" },
    method: ICalCalendarMethod.REQUEST,
  });
  // An all-day date is a calendar day everywhere (VALUE=DATE): no zone may move it.
  const start = new Date(parseISO(f.startDate, { in: utc }).getTime());
  calendar.createEvent({
    id: `placement-${f.placementId}@bridgework.dev`,
    stamp: f.now,
    start,
    end: new Date(addDays(start, 1, { in: utc }).getTime()),
    allDay: true,
    summary: f.summary,
    description: f.description,
    location: f.location,
    url: f.url,
    status: ICalEventStatus.CONFIRMED,
    organizer: INVITE_ORGANIZER,
    attendees: f.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: false })),
  });
  return {
    filename: "first-day.ics",
    contentType: "text/calendar; method=REQUEST",
    content: Buffer.from(calendar.toString(), "utf8").toString("base64"),
  };
}
