import { memo } from "react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "../components/chart-card.tsx";
import { Loaded } from "../components/loaded.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { PLACEMENTS_PATH } from "../api/get-builder-report.ts";
import { useLevelsCard } from "./use-levels-card.ts";

export const LevelsCard = memo(function LevelsCard({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const query = useLevelsCard(period);
  return (
    <Loaded query={query} reserve="16.5rem">
      {({ rows, totals }) => (
        <ChartCard
          title={t("reports.dashboard.byLevel")}
          bars={rows.map(({ level, m }) => ({
            key: level,
            label: f.levelLabel(level),
            value: m.experiences,
            valueLabel: f.number.format(m.experiences),
          }))}
          table={{
            columns: [{ header: t("reports.dashboard.level") }, ...f.measureColumns],
            rows: rows.map(({ level, m }) => ({ key: level, cells: [f.levelLabel(level), ...f.measureCells(m)] })),
            footer: [t("reports.dashboard.total"), ...f.measureCells(totals)],
          }}
          csv={{
            path: PLACEMENTS_PATH,
            query: { groupBy: "level", ...period.range },
            filename: `experiences-by-level-${period.schoolYear}.csv`,
          }}
        />
      )}
    </Loaded>
  );
});
