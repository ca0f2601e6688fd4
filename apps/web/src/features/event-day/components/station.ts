import type { TFunction } from "i18next";

/**
 * A volunteer's station as people read it. Building the schedule numbers the tables ("1", "2"…,
 * event-schedule), and each reader sees them in their language ("Table 1", "Mesa 1"); a station a
 * coordinator named ("Room 204") is shown as written.
 */
export function stationLabel(t: TFunction, station: string): string {
  return /^\d+$/.test(station) ? t("eventDay.table", { number: station }) : station;
}
