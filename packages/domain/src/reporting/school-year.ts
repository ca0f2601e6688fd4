/**
 * California school years run July 1 – June 30: 2026-06-30 is in 2025-2026, 2026-07-01 in 2026-2027.
 * (Plain arithmetic, no date library: the web app's dashboard reads it before its first card.)
 */
export function schoolYearOf(date: string | Date): string {
  // A string's own year and month count (never shifted by its offset); a Date's in UTC.
  const year = typeof date === "string" ? Number(date.slice(0, 4)) : date.getUTCFullYear();
  const month = typeof date === "string" ? Number(date.slice(5, 7)) - 1 : date.getUTCMonth();
  const start = month >= 6 ? year : year - 1; // July is month 6
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
