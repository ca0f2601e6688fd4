import { Box, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv, saveCsv } from "../api/download-csv.ts";
import { ScrollTable } from "../../../components/scroll-table.tsx";

export interface Bar {
  key: string;
  label: string;
  /** null: nothing to draw (a suppressed group); `valueLabel` says why. */
  value: number | null;
  valueLabel: string;
}

export interface DataTable {
  columns: { header: string; numeric?: boolean }[];
  rows: { key: string; cells: ReactNode[] }[];
  footer?: ReactNode[];
}

/** Either a report the API streams as CSV, or rows the page already has. */
export type CsvSource =
  | { path: string; query: Record<string, string | number | undefined>; filename: string }
  | { rows: (string | number | null)[][]; filename: string };

interface ChartCardProps {
  title: string;
  intro?: ReactNode;
  controls?: ReactNode;
  bars: Bar[];
  table: DataTable;
  csv?: CsvSource;
  children?: ReactNode;
}

/** Plain horizontal bars (each labelled with its number), with a table view and a CSV download. */
export function ChartCard({ title, intro, controls, bars, table, csv, children }: ChartCardProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [failed, setFailed] = useState(false);
  const headingId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));

  const download = async () => {
    if (!csv) return;
    setDownloading(true);
    setFailed(false);
    try {
      if ("rows" in csv) saveCsv(csv.rows, csv.filename);
      else await downloadCsv(csv.path, csv.query, csv.filename);
    } catch {
      setFailed(true);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            {intro ? (
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            <Button size="xs" variant="default" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {asTable ? t("reports.dashboard.showChart") : t("reports.dashboard.showTable")}
            </Button>
            {csv ? (
              <Button size="xs" variant="light" loading={downloading} onClick={() => void download()}>
                {t("reports.dashboard.downloadCsv")}
              </Button>
            ) : null}
          </Group>
        </Group>
        {controls}
        {failed ? (
          <Text role="alert" size="sm" c="red.8">
            {t("reports.dashboard.downloadFailed")}
          </Text>
        ) : null}
        {bars.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("reports.dashboard.noData")}
          </Text>
        ) : asTable ? (
          <ScrollTable label={title}>
            <Table striped withTableBorder>
              <caption>
                <VisuallyHidden>{title}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  {table.columns.map((c) => (
                    <Table.Th key={c.header} scope="col" ta={c.numeric ? "right" : undefined}>
                      {c.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Table.Tr key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <Table.Th key={i} scope="row" fw={500}>
                          {cell}
                        </Table.Th>
                      ) : (
                        <Table.Td key={i} ta={table.columns[i]?.numeric ? "right" : undefined}>
                          {cell}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {table.footer ? (
                <Table.Tfoot>
                  <Table.Tr>
                    {table.footer.map((cell, i) =>
                      i === 0 ? (
                        <Table.Th key={i} scope="row">
                          {cell}
                        </Table.Th>
                      ) : (
                        <Table.Td key={i} ta={table.columns[i]?.numeric ? "right" : undefined} fw={600}>
                          {cell}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </Table>
          </ScrollTable>
        ) : (
          <Box
            component="ul"
            aria-label={t("reports.dashboard.chartLabel", { title })}
            className="bar-chart"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
          >
            {bars.map((bar) => (
              <Box
                component="li"
                key={bar.key}
                mb={6}
                style={{
                  display: "grid",
                  gridTemplateColumns: "minmax(7rem, 13rem) 1fr auto",
                  gap: "0.5rem",
                  alignItems: "center",
                }}
              >
                <Text size="sm" truncate title={bar.label}>
                  {bar.label}
                </Text>
                <Box aria-hidden="true" style={{ height: "1.1rem" }}>
                  <Box
                    style={{
                      height: "100%",
                      width: `${bar.value === null ? 0 : Math.max(1, (bar.value / max) * 100)}%`,
                      background: "var(--mantine-color-teal-7)",
                      borderRadius: 3,
                    }}
                  />
                </Box>
                <Text size="sm" fw={600} className="bar-value" c={bar.value === null ? "dimmed" : undefined} ta="right">
                  {bar.valueLabel}
                </Text>
              </Box>
            ))}
          </Box>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
