/** Dates and times in the interface language (Intl: nothing to ship). */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(isoOrDate: string | null | undefined, language: string): string {
  if (!isoOrDate) return "—";
  // A bare YYYY-MM-DD is a calendar date, not an instant: read it at noon UTC so no zone moves it a day.
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T12:00:00Z` : isoOrDate;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? "UTC" : undefined }).format(new Date(value));
}

export function formatRange(start: string | null | undefined, end: string | null | undefined, language: string): string {
  if (!start && !end) return "—";
  if (!end || start === end) return formatDate(start ?? end, language);
  return `${formatDate(start, language)} – ${formatDate(end, language)}`;
}
