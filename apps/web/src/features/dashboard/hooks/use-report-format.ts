import { useTranslation } from "react-i18next";
import { useLabels } from "../../../lib/labels.ts";
import type { PlacementMeasures } from "../api/get-placement-report.ts";

/**
 * How the dashboard cards write numbers, months and codes in the interface language, and the
 * four placement measures every placement card shows as table columns.
 */
export function useReportFormat() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: "short", year: "numeric", timeZone: "UTC" });
  return {
    number,
    percent,
    monthLabel: (ym: string) => monthFormat.format(new Date(`${ym}-15T12:00:00Z`)),
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
