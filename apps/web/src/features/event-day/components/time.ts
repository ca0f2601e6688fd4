/** "10:40 AM" / "10:40": a time of day in the reader's language and the given zone. */
export function formatTime(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language.startsWith("es") ? "es-US" : "en-US", {
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}
