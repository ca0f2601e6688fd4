import type { DayBounds } from "@bridgework/domain";

/** What every dashboard card reports on: the chosen school year, the one before, and the last 12 months. */
export interface DashboardPeriod {
  schoolYear: string;
  previous: string;
  /** The chosen school year's days (July 1 – June 30). */
  range: DayBounds;
  previousRange: DayBounds;
  /** The 12 whole months ending this month, whatever the school year (the trend card). */
  months: DayBounds;
  /** Those months, oldest first, as "YYYY-MM". */
  monthList: string[];
}

/*
 * The domain's school-year arithmetic (reporting/school-year.ts, report-periods.ts), restated:
 * its module imports date-fns to parse text, and the dashboard would download and run date-fns
 * (two chunks it shares with the pages that parse) before its first card. dashboard-period.test.ts
 * compares each with the domain's.
 */

/** "2025-2026" → "2024-2025". */
export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

/** First and last day of a school year like "2025-2026" (July 1 – June 30). */
export function schoolYearBounds(schoolYear: string): DayBounds {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** `count` school years, newest first, starting with `current`: the dashboard's choices. */
export function schoolYearsBack(current: string, count: number): string[] {
  const years = [current];
  while (years.length < count) years.push(previousSchoolYear(years[years.length - 1]!));
  return years;
}

/** The 12 whole months ending with the month of `date` (UTC), as an inclusive day range. */
export function lastTwelveMonths(date: Date): DayBounds {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Every month ("YYYY-MM") of a range of whole months, oldest first, as the API's `month` grouping names them. */
export function monthsIn(range: DayBounds): string[] {
  const months: string[] = [];
  const [year, month] = range.from.split("-").map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const ym = new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7);
    if (ym > range.to.slice(0, 7)) return months;
    months.push(ym);
  }
}

export function dashboardPeriod(schoolYear: string, today: Date): DashboardPeriod {
  const previous = previousSchoolYear(schoolYear);
  const months = lastTwelveMonths(today);
  return {
    schoolYear,
    previous,
    range: schoolYearBounds(schoolYear),
    previousRange: schoolYearBounds(previous),
    months,
    monthList: monthsIn(months),
  };
}
