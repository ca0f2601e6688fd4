import { memo } from "react";
import { useTranslation } from "react-i18next";
import { PLACEMENTS_PATH } from "../api/get-builder-report.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { Loaded } from "../components/loaded.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { useTrendCard } from "./use-trend-card.ts";

export const TrendCard = memo(function TrendCard({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const query = useTrendCard(period);
  return (
    <Loaded query={query} reserve="24.5rem">
      {({ rows, hasData, totals }) => (
        <ChartCard
          title={t("reports.dashboard.trend")}
          bars={
            hasData
              ? rows.map(({ month, m }) => ({
                  key: month,
                  label: f.monthLabel(month),
                  value: m.experiences,
                  valueLabel: f.number.format(m.experiences),
                }))
              : []
          }
          table={{
            columns: [{ header: t("reports.dashboard.month") }, ...f.measureColumns],
            rows: rows.map(({ month, m }) => ({ key: month, cells: [f.monthLabel(month), ...f.measureCells(m)] })),
            footer: [t("reports.dashboard.total"), ...f.measureCells(totals)],
          }}
          csv={{
            path: PLACEMENTS_PATH,
            query: { groupBy: "month", ...period.months },
            filename: "experiences-by-month.csv",
          }}
        />
      )}
    </Loaded>
  );
});
