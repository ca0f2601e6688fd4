import { memo } from "react";
import { useTranslation } from "react-i18next";
import { ChartCard } from "../components/chart-card.tsx";
import { ExposureOnly } from "../components/exposure-only.tsx";
import { Loaded } from "../components/loaded.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import { useEmployersCard } from "./use-employers-card.ts";

export const EmployersCard = memo(function EmployersCard({ schoolYear }: { schoolYear: string }) {
  const { t } = useTranslation();
  const { number, percent, levelLabel } = useReportFormat();
  const query = useEmployersCard(schoolYear);
  return (
    <Loaded query={query}>
      {({ rows, totals, exposureOnly, csv }) => (
        <ChartCard
          title={t("reports.dashboard.employersTitle")}
          intro={
            <>
              {t("reports.dashboard.acceptRate")}:{" "}
              {totals.acceptRate === null ? "—" : percent.format(totals.acceptRate)} ·{" "}
              {t("reports.dashboard.hostAgainRate")}:{" "}
              {totals.hostAgainRate === null ? "—" : percent.format(totals.hostAgainRate)}
            </>
          }
          bars={
            totals.employers > 0
              ? rows.map(({ level, count }) => ({
                  key: level,
                  label: levelLabel(level),
                  value: count,
                  valueLabel: number.format(count),
                }))
              : []
          }
          table={{
            columns: [
              { header: t("reports.dashboard.employersByLevel") },
              { header: t("reports.dashboard.employersCount"), numeric: true },
            ],
            rows: rows.map(({ level, count }) => ({ key: level, cells: [levelLabel(level), number.format(count)] })),
            footer: [t("reports.dashboard.total"), number.format(totals.employers)],
          }}
          csv={{ rows: csv, filename: `employers-by-level-${schoolYear}.csv` }}
        >
          <ExposureOnly employers={exposureOnly} />
        </ChartCard>
      )}
    </Loaded>
  );
});
