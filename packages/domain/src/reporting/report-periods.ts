import { previousSchoolYear, SchoolYearPattern } from "./school-year.ts";

/** An inclusive range of days, "YYYY-MM-DD" to "YYYY-MM-DD". */
export interface DayBounds {
  from: string;
  to: string;
}

/** "2025-2026" is a school year; "2025-2027" (the second year must follow the first) and "2025" are not. */
export function isSchoolYear(value: string): boolean {
  const m = SchoolYearPattern.exec(value);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** `count` school years, newest first, starting with `current`: the choices a report offers. */
export function schoolYearsBack(current: string, count: number): string[] {
  const years = [current];
  while (years.length < count) years.push(previousSchoolYear(years[years.length - 1]!));
  return years;
}

/**
 * The 12 whole months ending with the month of `date` (UTC), as an inclusive day range (whole
 * months let the API count distinct students per month from its first-row bits).
 */
export function lastTwelveMonths(date: Date): DayBounds {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Every month ("YYYY-MM") that a day range touches, oldest first, as the API's `month` grouping names them. */
export function monthsIn(range: DayBounds): string[] {
  const months: string[] = [];
  const last = range.to.slice(0, 7);
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  for (let ym = range.from.slice(0, 7); ym <= last; ym = `${year}-${String(month).padStart(2, "0")}`) {
    months.push(ym);
    if (month === 12) {
      month = 1;
      year += 1;
    } else month += 1;
  }
  return months;
}
