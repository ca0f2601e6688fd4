/** Calendar days as YYYY-MM-DD strings, counted in UTC so no zone or DST moves them. */

const at = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = at(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

export function addMonths(day: string, n: number): string {
  const d = at(day);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export const monthEnd = (day: string) => addDays(addMonths(day, 1), -1);

/** The Sunday a day's week starts on (US calendars, in both languages of the app). */
export function weekStart(day: string): string {
  return addDays(day, -at(day).getUTCDay());
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Today in a time zone (the region's), as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

/** The day an instant falls on in a time zone; a bare day is itself. */
export function dayIn(start: string, timeZone: string | undefined): string {
  return start.length === 10
    ? start
    : new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
        new Date(start),
      );
}

export type CalendarView = "month" | "week" | "agenda";

/** The days a view shows around its anchor day: a month grid's whole weeks, one week, or one month as a list. */
export function rangeOf(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === "week") return { from: weekStart(anchor), to: addDays(weekStart(anchor), 6) };
  if (view === "agenda") return { from: monthStart(anchor), to: monthEnd(anchor) };
  const from = weekStart(monthStart(anchor));
  return { from, to: addDays(weekStart(monthEnd(anchor)), 6) };
}
