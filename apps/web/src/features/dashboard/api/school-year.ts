/** School years run July–June ("2026-2027"), as the API counts them. */
export function schoolYearOf(date: Date): string {
  const y = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 6 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

export function schoolYearRange(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/**
 * The 12 whole months ending with the month of `date`, as an inclusive date range (whole
 * months let the API count distinct students per month from its first-row bits).
 */
export function lastTwelveMonths(date: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
