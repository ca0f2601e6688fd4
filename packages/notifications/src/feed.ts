import { TZDate } from "@date-fns/tz";
import { addDays, addHours } from "date-fns";
import ical from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";

const HOUR_MS = 3600_000;

export interface FeedEvent {
  uid: string;
  summary: string;
  description: string | null;
  /** An instant for a timed entry; a calendar day (YYYY-MM-DD) for an all-day one. */
  start: Date | string;
  url: string;
}

/**
 * A person's subscription feed (no METHOD: a published calendar, not an invitation). Timed
 * events carry the region's TZID with its VTIMEZONE, as the invites do; all-day entries are
 * VALUE=DATE, a calendar day no zone may move. UIDs are stable, so a calendar updates them in place.
 */
export function buildFeed(f: { name: string; timeZone: string; now: Date; events: FeedEvent[] }): string {
  const calendar = ical({
    name: f.name,
    prodId: { company: "Bridgework", product: "Bridgework", language: "EN" },
    timezone: { name: f.timeZone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null },
    ttl: HOUR_MS / 1000,
  });
  for (const e of f.events) {
    const common = {
      id: `${e.uid}@bridgework.dev`,
      summary: e.summary,
      description: e.description,
      url: e.url,
      stamp: new TZDate(f.now.getTime(), f.timeZone),
    };
    if (typeof e.start === "string") {
      // ical-generator writes an all-day date from the Date's fields in the calendar's zone; a TZDate at noon keeps the day.
      const start = new TZDate(`${e.start}T12:00:00`, f.timeZone);
      calendar.createEvent({ ...common, allDay: true, start, end: addDays(start, 1) });
    } else {
      calendar.createEvent({
        ...common,
        timezone: f.timeZone,
        start: new TZDate(e.start.getTime(), f.timeZone),
        end: addHours(new TZDate(e.start.getTime(), f.timeZone), 1),
      });
    }
  }
  return calendar.toString();
}
