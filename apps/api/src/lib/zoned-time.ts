/**
 * Instants written for people of a region (CSV exports, file names) in the region's IANA zone,
 * not UTC: a spreadsheet shows the wall-clock time the coordinator lived, and the offset keeps
 * the value exact for any program that reads it back.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
function parts(at: Date, timeZone: string): Record<string, string> {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "longOffset",
    });
    cache.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
}

/** "2026-12-06T06:34:00-08:00": ISO 8601 in the zone, with its offset at that instant (seconds kept, milliseconds dropped). */
export function isoInZone(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  // "GMT-08:00" → "-08:00"; the zone's offset is "GMT" when it is UTC itself.
  const offset = p.timeZoneName === "GMT" ? "+00:00" : p.timeZoneName!.slice(3);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayInZone(at: Date, timeZone: string): string {
  return isoInZone(at, timeZone).slice(0, 10);
}
