import { utc } from "@date-fns/utc";
import { getMonth, getYear, parseISO } from "date-fns";

/** California school years run July 1 – June 30: 2026-06-30 is in 2025-2026, 2026-07-01 in 2026-2027. */
export function schoolYearOf(date: string | Date): string {
  // A string's own calendar day counts (never shifted by its offset); a Date's day in UTC.
  const day = typeof date === "string" ? parseISO(date.slice(0, 10), { in: utc }) : utc(date);
  const start = getMonth(day) >= 6 ? getYear(day) : getYear(day) - 1; // July is month 6
  return `${start}-${start + 1}`;
}

export const SchoolYearPattern = /^(\d{4})-(\d{4})$/;

/** First and last day of a school year like "2025-2026". */
export function schoolYearBounds(schoolYear: string): { from: string; to: string } {
  const m = SchoolYearPattern.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new Error(`Not a school year: ${schoolYear}`);
  return { from: `${m[1]}-07-01`, to: `${m[2]}-06-30` };
}

export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}
