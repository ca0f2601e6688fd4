import { Paper, Stack, Table, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PlacementMeasures } from "../api/get-placement-report.ts";
import { useReportFormat } from "../hooks/use-report-format.ts";
import { ScrollTable } from "../../../components/scroll-table.tsx";

const MEASURES = ["experiences", "students", "hours", "employers", "newEmployers"] as const;

interface TotalsTableProps {
  current: string;
  previous: string;
  thisYear: PlacementMeasures;
  lastYear: PlacementMeasures;
}

/** This school year next to the last, with the change, as a plain table (it is the accessible form). */
export function TotalsTable({ current, previous, thisYear, lastYear }: TotalsTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { number, signed } = useReportFormat();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t("reports.dashboard.totalsTitle")}
        </Title>
        <ScrollTable label={t("reports.dashboard.totalsTitle")}>
          <Table withTableBorder striped captionSide="top">
            <Table.Caption>{t("reports.dashboard.totalsCaption", { current, previous })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reports.dashboard.measure")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {current}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {previous}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("reports.dashboard.change")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {MEASURES.map((m) => (
                <Table.Tr key={m} data-measure={m}>
                  <Table.Th scope="row" fw={500}>
                    {t(`reports.dashboard.measures.${m}`)}
                  </Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {number.format(thisYear[m])}
                  </Table.Td>
                  <Table.Td ta="right">{number.format(lastYear[m])}</Table.Td>
                  <Table.Td ta="right">{signed.format(thisYear[m] - lastYear[m])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}
