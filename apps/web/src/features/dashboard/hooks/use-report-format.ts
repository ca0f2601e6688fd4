import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { type UiLabels, useLabels } from "../../../lib/labels.ts";
import type { PlacementMeasures } from "../api/get-placement-report.ts";

/**
 * How the dashboard cards write numbers, months, days and codes in the interface language, and the
 * four placement measures every placement card shows as table columns.
 */
export function useReportFormat() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const language = i18n.language;
  return useMemo(() => reportFormat(t, language, labels), [t, language, labels]);
}

const formatters = (language: string) => ({
  number: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }),
  percent: new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }),
  signed: new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: "exceptZero" }),
  month: new Intl.DateTimeFormat(language, { month: "short", year: "numeric", timeZone: "UTC" }),
  date: new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }),
});
const built = new Map<string, ReturnType<typeof formatters>>();

/** A language's Intl formatters, built once for all the cards. */
function formattersOf(language: string) {
  let found = built.get(language);
  if (!found) built.set(language, (found = formatters(language)));
  return found;
}

/**
 * Builds the reader's formatters now, as the dashboard's chunk loads (route modules call it). A
 * page's first Intl.NumberFormat, and again its first Intl.DateTimeFormat, loads the browser's
 * locale data: about 20 ms each on a fast machine, in the middle of the first card's render when
 * left to it. Done here it comes before the page's first paint, where the main thread waits for
 * the network anyway, instead of blocking it after (Total Blocking Time).
 */
export function prepareReportFormat(language: string): void {
  formattersOf(language);
}

function reportFormat(t: TFunction, language: string, labels: UiLabels) {
  const { number, percent, signed, month: monthFormat, date } = formattersOf(language);
  return {
    number,
    percent,
    /** A change: "+3", "−2", "0". */
    signed,
    monthLabel: (ym: string) => monthFormat.format(new Date(`${ym}-15T12:00:00Z`)),
    /** A day ("YYYY-MM-DD…") as that day, whatever the reader's time zone. */
    dayLabel: (day: string) => date.format(new Date(`${day.slice(0, 10)}T12:00:00Z`)),
    levelLabel: labels.level,
    sectorLabel: (sector: string | undefined) => (sector ? labels.sector(sector) : "—"),
    // Yes/no dimensions and missing values come as codes; other groups (grade, gender codes) read as they are.
    groupLabel: (group: string) =>
      group === "Y" || group === "N" || group === "unknown" ? t(`reports.dashboard.groupValues.${group}`) : group,
    measureColumns: [
      { header: t("reports.dashboard.measures.experiences"), numeric: true },
      { header: t("reports.dashboard.measures.students"), numeric: true },
      { header: t("reports.dashboard.measures.hours"), numeric: true },
      { header: t("reports.dashboard.measures.employers"), numeric: true },
    ],
    measureCells: (m: PlacementMeasures) => [
      number.format(m.experiences),
      number.format(m.students),
      number.format(m.hours),
      number.format(m.employers),
    ],
  };
}
