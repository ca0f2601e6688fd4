import { Stack, Table, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ScrollTable } from "../../../components/scroll-table.tsx";
import { useLabels } from "../../../lib/labels.ts";
import type { ExposureOnlyEmployer } from "../api/get-employer-report.ts";
import { useReportFormat } from "../hooks/use-report-format.ts";

/** Employers who have only hosted exposure activities (the first ten): candidates for deeper experiences. */
export function ExposureOnly({ employers }: { employers: ExposureOnlyEmployer[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const { dayLabel } = useReportFormat();
  return (
    <Stack gap={4} mt="sm">
      <Title order={3} size="h5" id={headingId}>
        {t("reports.dashboard.exposureOnlyTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("reports.dashboard.exposureOnlyIntro")}
      </Text>
      {employers.length === 0 ? (
        <Text size="sm">{t("reports.dashboard.exposureOnlyNone")}</Text>
      ) : (
        <ScrollTable label={t("reports.dashboard.exposureOnlyTitle")}>
          <Table aria-labelledby={headingId} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reports.dashboard.employer")}</Table.Th>
                <Table.Th scope="col">{t("reports.dashboard.sectors")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("reports.dashboard.measures.experiences")}
                </Table.Th>
                <Table.Th scope="col">{t("reports.dashboard.lastCompleted")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {employers.slice(0, 10).map((e) => (
                <Table.Tr key={e.employerId}>
                  <Table.Th scope="row" fw={500}>
                    {e.name}
                  </Table.Th>
                  <Table.Td>{e.sectors.map(labels.sector).join(", ")}</Table.Td>
                  <Table.Td ta="right">{e.experiences}</Table.Td>
                  <Table.Td>{dayLabel(e.lastCompletedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
