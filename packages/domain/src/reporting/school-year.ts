/** California school years run July 1 – June 30: 2026-06-30 is in 2025-2026, 2026-07-01 in 2026-2027. */
export function schoolYearOf(date: string | Date): string {
  const iso = typeof date === "string" ? date : date.toISOString();
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
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
