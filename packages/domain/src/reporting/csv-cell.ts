/**
 * OWASP's guard against CSV formula injection: a spreadsheet runs a cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)`,
 * `-2+3+cmd|' /C calc'!A0`), so such a text cell is written with a leading `'`, which the
 * spreadsheet shows as text. Only text is guarded: numbers and booleans written as such stay
 * numbers. Every CSV the API writes goes through it (lib/csv-writer.ts, csv-stringify's `cast.string`),
 * and so does the CSV the web app builds from a report it already has. Pure, so both can use it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `guardFormula` on a cell read back from our own export (imports round-trip). */
export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
