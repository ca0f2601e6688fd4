/** Groups built on fewer students than this are never shown (student privacy). */
export const MIN_CELL_SIZE = 10;

export interface EquityCell {
  group: string;
  enrolled: number;
  participants: number;
}

export interface SuppressedCell {
  group: string;
  enrolled: number | null;
  participants: number | null;
  rate: number | null;
  suppressed: boolean;
}

/**
 * Primary suppression hides every group under MIN_CELL_SIZE students. Complementary
 * suppression then hides the next-smallest visible group whenever exactly one group is
 * hidden, because the total minus the visible groups would otherwise give it away.
 */
export function suppressCells(cells: EquityCell[]): SuppressedCell[] {
  const hidden = new Set(cells.filter((c) => c.enrolled < MIN_CELL_SIZE).map((c) => c.group));
  if (hidden.size === 1) {
    const next = cells
      .filter((c) => !hidden.has(c.group))
      .sort((a, b) => a.enrolled - b.enrolled || a.group.localeCompare(b.group))[0];
    if (next) hidden.add(next.group);
  }
  return cells.map((c) =>
    hidden.has(c.group)
      ? { group: c.group, enrolled: null, participants: null, rate: null, suppressed: true }
      : {
          group: c.group,
          enrolled: c.enrolled,
          participants: c.participants,
          rate: c.enrolled === 0 ? 0 : Math.round((c.participants / c.enrolled) * 1000) / 1000,
          suppressed: false,
        },
  );
}
