import { z } from "zod";

/**
 * Calendar days and instants that people type, kept to years that mean something here: every
 * date a request, opportunity, placement, certificate, report or calendar names falls in
 * 2000–2199, and nobody Bridgework serves was born before 1900. Outside them the storage breaks:
 * PostgreSQL has no year 0 ("0000-01-01" was a 500) and JavaScript writes years past 9999 as
 * "+010000-…", which our own answers then refuse. One helper for every input schema, so the
 * rule and its message (`field.date-range`, en/es) are the same everywhere. Answers keep plain
 * `z.iso.date()`: they only carry what these inputs let in.
 */
export const YEAR_RANGES = {
  /** Anything that happens: windows, starts, hours, expiry dates, report and calendar ranges. */
  event: { from: 2000, to: 2199 },
  /** A student's birth date. */
  birth: { from: 1900, to: 2199 },
} as const;
export type YearRange = keyof typeof YEAR_RANGES;

const DAY = /^(\d{4})-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** The refine's issue: our catalogue key and its years (zod-messages.ts words it in the reader's language). */
function outOfRange(range: YearRange) {
  const { from, to } = YEAR_RANGES[range];
  return { message: `Enter a date from the years ${from} to ${to}`, params: { problem: "field.date-range", from, to } };
}

const inRange = (year: number, range: YearRange) => year >= YEAR_RANGES[range].from && year <= YEAR_RANGES[range].to;

/** A calendar day, YYYY-MM-DD, in the range's years. A value that is not a day at all gets only the format's message. */
export function isoDay(range: YearRange = "event") {
  return z.iso.date().refine((v) => {
    const year = DAY.exec(v)?.[1];
    return year === undefined || inRange(Number(year), range);
  }, outOfRange(range));
}

/** An instant with its UTC offset (ISO 8601), whose year in UTC is in the range's years. */
export function isoInstant(range: YearRange = "event") {
  return z.iso.datetime({ offset: true }).refine((v) => {
    const time = Date.parse(v);
    return !INSTANT.test(v) || Number.isNaN(time) || inRange(new Date(time).getUTCFullYear(), range);
  }, outOfRange(range));
}
