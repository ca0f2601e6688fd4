import { type DayBounds, lastTwelveMonths, monthsIn, previousSchoolYear, schoolYearBounds } from "@bridgework/domain";

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

/** The period for the chosen school year, on `today`. */
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
