import { memo } from "react";
import { useTranslation } from "react-i18next";
import { PLACEMENTS_PATH } from "../api/get-builder-report.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { Loaded } from "../components/loaded.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { useSectorsCard } from "./use-sectors-card.ts";

export const SectorsCard = memo(function SectorsCard({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const f = useReportFormat();
  const query = useSectorsCard(period);
  return (
    <Loaded query={query} reserve="16.5rem">
      {({ rows, totals }) => (
        <ChartCard
          title={t("reports.dashboard.bySector")}
          bars={rows.map((r) => ({
            key: r.sector ?? "",
            label: f.sectorLabel(r.sector),
            value: r.experiences,
            valueLabel: f.number.format(r.experiences),
          }))}
          table={{
            columns: [{ header: t("reports.dashboard.sector") }, ...f.measureColumns],
            rows: rows.map((r) => ({ key: r.sector ?? "", cells: [f.sectorLabel(r.sector), ...f.measureCells(r)] })),
            footer: [t("reports.dashboard.total"), ...f.measureCells(totals)],
          }}
          csv={{
            path: PLACEMENTS_PATH,
            query: { groupBy: "sector", ...period.range },
            filename: `experiences-by-sector-${period.schoolYear}.csv`,
          }}
        />
      )}
    </Loaded>
  );
});
