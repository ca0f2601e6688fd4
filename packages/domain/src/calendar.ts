/** Calendar days as YYYY-MM-DD in UTC, the way due dates, start dates and expiry dates are stored. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return dayOf(d);
}

/**
 * The date that has begun everywhere (UTC−12): a deadline on an earlier date is over in every
 * time zone. Regions carry no time zone, so "after the due date" waits until the due day has
 * ended for the school too (in California, 4–5 hours into the next UTC day).
 */
export function dayStartedEverywhere(now: Date): string {
  return dayOf(new Date(now.getTime() - 12 * 3600_000));
}

/** ISO 8601 week of a day, e.g. "2031-W24", and the Monday it starts on. */
export function isoWeek(day: string): { week: string; monday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(day, -weekday);
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 24 * 3600_000)) + 1;
  return { week: `${year}-W${String(week).padStart(2, "0")}`, monday };
}

/**
 * The calendar month `now` falls in, in UTC. Regions carry no time zone; an approval in the
 * last hours of a month in California counts toward the next month, which errs toward asking less.
 */
export function monthOf(now: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}
