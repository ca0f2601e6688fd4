import type { Language } from "./types.ts";

/** BCP 47 locale for each language: US English and US Spanish (PST/PDT abbreviations in both). */
export const LOCALES: Record<Language, string> = { en: "en-US", es: "es-US" };

// Formatters cost far more to build than to use, and sweeps format thousands of dates: keep them.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** "March 10, 2027" / "10 de marzo de 2027": a YYYY-MM-DD read as a calendar day, never shifted by a time zone. */
export function formatDay(day: string, language: Language): string {
  return formatter(language, "UTC", { dateStyle: "long" }).format(new Date(`${day}T12:00:00Z`));
}

/** "Monday, January 11, 2027 at 10:00 AM PST" / "lunes, 11 de enero de 2027, 10:00 a.m. PST", in the region's zone. */
export function formatDateTime(at: Date, language: Language, timeZone: string): string {
  return formatter(language, timeZone, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
}

/** "6 December 2026 at 6:34 AM PST"-style, without the weekday: for signatures and audit lines. */
export function formatSignedAt(at: Date, language: Language, timeZone: string): string {
  return formatter(language, timeZone, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** First name and last initial: what employers and supervisors see of a student (domain.md, Privacy). */
export const limitedName = (first: string, last: string) => `${first} ${last.slice(0, 1)}.`;
