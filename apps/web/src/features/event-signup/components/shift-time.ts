/** BCP 47 locales with US zone abbreviations (PDT) in both languages, as the emails use. */
const localeOf = (language: string) => (language.startsWith("es") ? "es-US" : "en-US");

/**
 * "Apr 10, 2031, 8:00 – 11:30 AM PDT": a shift in the region's zone (public pages have no
 * signed-in region, so the zone comes with the event), in the reader's language.
 */
export function formatShift(startsAt: string, endsAt: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).formatRange(new Date(startsAt), new Date(endsAt));
}
