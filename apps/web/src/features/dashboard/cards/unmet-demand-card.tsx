import { memo } from "react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "../components/chart-card.tsx";
import { Loaded } from "../components/loaded.tsx";
import { MeasureHelp } from "../components/measure-help.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import type { DashboardPeriod } from "../lib/dashboard-period.ts";
import { useUnmetDemandCard } from "./use-unmet-demand-card.ts";

export const UnmetDemandCard = memo(function UnmetDemandCard({ period }: { period: DashboardPeriod }) {
  const { t } = useTranslation();
  const { number, sectorLabel } = useReportFormat();
  const query = useUnmetDemandCard(period);
  return (
    <Loaded query={query}>
      {({ top, totals }) => (
        <ChartCard
          title={t("reports.dashboard.unmetTitle")}
          intro={t("reports.dashboard.unmetIntro")}
          bars={top.map((e) => ({
            key: e.sector,
            label: sectorLabel(e.sector),
            value: e.studentsWaiting,
            valueLabel: `${number.format(e.studentsWaiting)} · ${t("reports.dashboard.requests").toLowerCase()} ${number.format(e.requests)}`,
          }))}
          table={{
            columns: [
              { header: t("reports.dashboard.sector") },
              { header: t("reports.dashboard.studentsWaiting"), numeric: true },
              { header: t("reports.dashboard.requests"), numeric: true },
              { header: t("reports.dashboard.open"), numeric: true },
              { header: t("reports.dashboard.expired"), numeric: true },
            ],
            rows: top.map((e) => ({
              key: e.sector,
              cells: [
                sectorLabel(e.sector),
                number.format(e.studentsWaiting),
                number.format(e.requests),
                number.format(e.open),
                number.format(e.expired),
              ],
            })),
            footer: [
              t("reports.dashboard.total"),
              number.format(totals.studentsWaiting),
              number.format(totals.requests),
              number.format(totals.open),
              number.format(totals.expired),
            ],
          }}
          csv={{
            path: "/api/reports/unmet-demand",
            query: { ...period.range },
            filename: `unmet-demand-${period.schoolYear}.csv`,
          }}
        >
          <MeasureHelp
            items={(["studentsWaiting", "requests", "open", "expired"] as const).map((key) => ({
              term: t(`reports.dashboard.${key}`),
              description: t(`reports.dashboard.help.unmet.${key}`),
            }))}
          />
        </ChartCard>
      )}
    </Loaded>
  );
});
