import { session } from "./session.ts";

/**
 * Dates and times in the interface language (Intl: nothing to ship). Instants are shown in the
 * region's time zone (from /api/me), so everyone in a region reads the same wall-clock time
 * wherever their device is set; calendar days (YYYY-MM-DD) never move.
 */

/** BCP 47 locales with US zone abbreviations (PST/PDT) in both languages, as the emails use. */
const LOCALES: Record<string, string> = { en: "en-US", es: "es-US" };
const localeOf = (language: string) => LOCALES[language.slice(0, 2)] ?? language;

/** The signed-in person's region zone; before login (public pages), the device's own. */
export function displayTimeZone(): string | undefined {
  const current = session.get();
  return current.status === "authenticated" ? current.user.region.timeZone : undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Jan 11, 2027, 10:00 AM PST": an instant with its time of day and the zone's abbreviation. */
export function formatDateTime(iso: string | null | undefined, language: string, timeZone = displayTimeZone()): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(localeOf(language), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(new Date(iso));
}

/** A calendar day; an instant is read as the day it falls on in the region's zone. */
export function formatDate(
  isoOrDate: string | null | undefined,
  language: string,
  timeZone = displayTimeZone(),
): string {
  if (!isoOrDate) return "—";
  // A bare YYYY-MM-DD is a calendar date, not an instant: read it at noon UTC so no zone moves it a day.
  const day = DAY.test(isoOrDate);
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeZone: day ? "UTC" : timeZone }).format(
    new Date(day ? `${isoOrDate}T12:00:00Z` : isoOrDate),
  );
}

export function formatRange(
  start: string | null | undefined,
  end: string | null | undefined,
  language: string,
): string {
  if (!start && !end) return "—";
  if (!end || start === end) return formatDate(start ?? end, language);
  return `${formatDate(start, language)} – ${formatDate(end, language)}`;
}
