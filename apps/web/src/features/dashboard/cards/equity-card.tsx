import { EQUITY_DIMENSIONS, type EquityDimension } from "@bridgework/domain";
import { NativeSelect } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { EquityRow } from "../api/get-equity-report.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { Loaded } from "../components/loaded.tsx";
import { MeasureHelp } from "../components/measure-help.tsx";
import { useReportFormat } from "../hooks/use-report-format.ts";
import { useEquityCard } from "./use-equity-card.ts";

export const EquityCard = memo(function EquityCard({ schoolYear }: { schoolYear: string }) {
  const { t } = useTranslation();
  const { number, percent, groupLabel } = useReportFormat();
  const { dimension, setDimension, query } = useEquityCard(schoolYear);
  // Suppressed groups (under 10 students) say so, never a number.
  const suppressed = t("reports.dashboard.suppressed");
  const label = (r: EquityRow) =>
    r.suppressed || r.rate === null
      ? suppressed
      : `${percent.format(r.rate)} (${number.format(r.participants ?? 0)}/${number.format(r.enrolled ?? 0)})`;
  const cell = (v: number | null, isSuppressed: boolean) =>
    isSuppressed || v === null ? suppressed : number.format(v);
  return (
    <Loaded query={query}>
      {(data) => (
        <ChartCard
          title={t("reports.dashboard.equityTitle")}
          intro={t("reports.dashboard.equityIntro")}
          controls={
            <NativeSelect
              label={t("reports.dashboard.dimension")}
              value={dimension}
              onChange={(event) => setDimension(event.currentTarget.value as EquityDimension)}
              data={EQUITY_DIMENSIONS.map((d) => ({ value: d, label: t(`reports.dashboard.dimensions.${d}`) }))}
              w={220}
            />
          }
          bars={data.rows.map((r) => ({
            key: r.group,
            label: groupLabel(r.group),
            value: r.suppressed ? null : r.rate,
            valueLabel: label(r),
          }))}
          table={{
            columns: [
              { header: t("reports.dashboard.group") },
              { header: t("reports.dashboard.enrolled"), numeric: true },
              { header: t("reports.dashboard.participants"), numeric: true },
              { header: t("reports.dashboard.rate"), numeric: true },
            ],
            rows: data.rows.map((r) => ({
              key: r.group,
              cells: [
                groupLabel(r.group),
                cell(r.enrolled, r.suppressed),
                cell(r.participants, r.suppressed),
                r.suppressed || r.rate === null ? suppressed : percent.format(r.rate),
              ],
            })),
            footer: [
              t("reports.dashboard.total"),
              cell(data.totals.enrolled, data.totals.suppressed),
              cell(data.totals.participants, data.totals.suppressed),
              data.totals.rate === null ? "—" : percent.format(data.totals.rate),
            ],
          }}
          csv={{
            path: "/api/reports/equity",
            query: { dimension, schoolYear },
            filename: `participation-by-${dimension}-${schoolYear}.csv`,
          }}
        >
          <MeasureHelp
            items={(["enrolled", "participants", "rate", "suppressed"] as const).map((key) => ({
              term: t(`reports.dashboard.${key}`),
              description: t(`reports.dashboard.help.equity.${key}`),
            }))}
          />
        </ChartCard>
      )}
    </Loaded>
  );
});
