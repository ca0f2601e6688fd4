import { EQUITY_DIMENSIONS, type EquityDimension, lastTwelveMonths, LEVELS, previousSchoolYear, schoolYearBounds, schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title, Paper } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useLabels } from "../../../lib/labels.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { CALPADS_CSV_PATH, type CalpadsIssueRow, useCalpadsValidation } from "../api/get-calpads-validation.ts";
import { CalpadsReadiness } from "../components/calpads-readiness.tsx";
import { useEmployerReport } from "../api/get-employer-report.ts";
import { useEquityReport } from "../api/get-equity-report.ts";
import { type PlacementMeasures, usePlacementReport } from "../api/get-placement-report.ts";
import { useUnmetDemand } from "../api/get-unmet-demand.ts";
import { downloadCsv } from "../api/download-csv.ts";
import { ChartCard } from "../components/chart-card.tsx";
import { MeasureHelp } from "../components/measure-help.tsx";
import { TotalsTable } from "../components/totals-table.tsx";
import { ScrollTable } from "../../../components/scroll-table.tsx";

const EMPTY: PlacementMeasures = { experiences: 0, students: 0, seats: 0, hours: 0, employers: 0, newEmployers: 0 };
const PLACEMENTS_PATH = "/api/reports/placements";

/** Loading and error states in place, so one failed report does not blank the page. */
function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const today = useMemo(() => new Date(), []);
  const current = schoolYearOf(today);
  const [schoolYear, setSchoolYear] = useState(current);
  const [dimension, setDimension] = useState<EquityDimension>("gender");
  const previous = previousSchoolYear(schoolYear);
  const range = schoolYearBounds(schoolYear);
  const months = lastTwelveMonths(today);

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  const monthLabel = (ym: string) => new Intl.DateTimeFormat(i18n.language, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${ym}-15T12:00:00Z`));
  const labels = useLabels();
  const levelLabel = labels.level;
  const sectorLabel = (sector: string | undefined) => (sector ? labels.sector(sector) : "—");
  // Yes/no dimensions and missing values come as codes; other groups (grade, gender codes) read as they are.
  const groupLabel = (group: string) => (group === "Y" || group === "N" || group === "unknown" ? t(`reports.dashboard.groupValues.${group}`) : group);

  // One totals call per school year: each counts its distinct students and employers from the API's per-year first-row bits.
  const thisYear = usePlacementReport({ groupBy: [], ...range });
  const lastYear = usePlacementReport({ groupBy: [], ...schoolYearBounds(previous) });
  const byLevel = usePlacementReport({ groupBy: ["level"], ...range });
  const bySector = usePlacementReport({ groupBy: ["sector"], ...range });
  const trend = usePlacementReport({ groupBy: ["month"], ...months });
  const unmet = useUnmetDemand(range);
  const employers = useEmployerReport({ schoolYear });
  const equity = useEquityReport({ dimension, schoolYear });
  const calpads = useCalpadsValidation(schoolYear);

  const measureColumns = [
    { header: t("reports.dashboard.measures.experiences"), numeric: true },
    { header: t("reports.dashboard.measures.students"), numeric: true },
    { header: t("reports.dashboard.measures.hours"), numeric: true },
    { header: t("reports.dashboard.measures.employers"), numeric: true },
  ];
  const measureCells = (m: PlacementMeasures) => [number.format(m.experiences), number.format(m.students), number.format(m.hours), number.format(m.employers)];

  const yearOptions = schoolYearsBack(current, 3);
  const intro = user.role === "coordinator" ? t("reports.dashboard.introDistrict") : t("reports.dashboard.introRegion");

  return (
    <>
      <PageHeader title={t("reports.dashboard.title")} intro={intro} />
      <Stack gap="lg">
        <NativeSelect
          label={t("reports.dashboard.schoolYear")}
          value={schoolYear}
          onChange={(event) => setSchoolYear(event.currentTarget.value)}
          data={yearOptions}
          w={200}
        />

        <Loaded query={thisYear}>
          {(now) => <Loaded query={lastYear}>{(before) => <TotalsTable current={schoolYear} previous={previous} thisYear={now.totals} lastYear={before.totals} />}</Loaded>}
        </Loaded>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Loaded query={byLevel}>
            {(data) => {
              const rows = LEVELS.map((level) => ({ level, m: data.rows.find((r) => r.level === level) ?? EMPTY })).filter((r) => r.m.experiences > 0);
              return (
                <ChartCard
                  title={t("reports.dashboard.byLevel")}
                  bars={rows.map(({ level, m }) => ({ key: level, label: levelLabel(level), value: m.experiences, valueLabel: number.format(m.experiences) }))}
                  table={{
                    columns: [{ header: t("reports.dashboard.level") }, ...measureColumns],
                    rows: rows.map(({ level, m }) => ({ key: level, cells: [levelLabel(level), ...measureCells(m)] })),
                    footer: [t("reports.dashboard.total"), ...measureCells(data.totals)],
                  }}
                  csv={{ path: PLACEMENTS_PATH, query: { groupBy: "level", ...range }, filename: `experiences-by-level-${schoolYear}.csv` }}
                />
              );
            }}
          </Loaded>

          <Loaded query={bySector}>
            {(data) => {
              const rows = [...data.rows].sort((a, b) => b.experiences - a.experiences);
              return (
                <ChartCard
                  title={t("reports.dashboard.bySector")}
                  bars={rows.map((r) => ({ key: r.sector ?? "", label: sectorLabel(r.sector), value: r.experiences, valueLabel: number.format(r.experiences) }))}
                  table={{
                    columns: [{ header: t("reports.dashboard.sector") }, ...measureColumns],
                    rows: rows.map((r) => ({ key: r.sector ?? "", cells: [sectorLabel(r.sector), ...measureCells(r)] })),
                    footer: [t("reports.dashboard.total"), ...measureCells(data.totals)],
                  }}
                  csv={{ path: PLACEMENTS_PATH, query: { groupBy: "sector", ...range }, filename: `experiences-by-sector-${schoolYear}.csv` }}
                />
              );
            }}
          </Loaded>
        </SimpleGrid>

        <Loaded query={trend}>
          {(data) => {
            const all: string[] = [];
            const start = new Date(`${months.from}T12:00:00Z`);
            for (let i = 0; i < 12; i++) all.push(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
            const rows = all.map((month) => ({ month, m: data.rows.find((r) => r.month === month) ?? EMPTY }));
            const hasData = rows.some((r) => r.m.experiences > 0);
            return (
              <ChartCard
                title={t("reports.dashboard.trend")}
                bars={hasData ? rows.map(({ month, m }) => ({ key: month, label: monthLabel(month), value: m.experiences, valueLabel: number.format(m.experiences) })) : []}
                table={{
                  columns: [{ header: t("reports.dashboard.month") }, ...measureColumns],
                  rows: rows.map(({ month, m }) => ({ key: month, cells: [monthLabel(month), ...measureCells(m)] })),
                  footer: [t("reports.dashboard.total"), ...measureCells(data.totals)],
                }}
                csv={{ path: PLACEMENTS_PATH, query: { groupBy: "month", ...months }, filename: "experiences-by-month.csv" }}
              />
            );
          }}
        </Loaded>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Loaded query={unmet}>
            {(data) => {
              const bySector = new Map<string, { requests: number; open: number; expired: number; studentsWaiting: number }>();
              for (const r of data.rows) {
                const e = bySector.get(r.sector) ?? { requests: 0, open: 0, expired: 0, studentsWaiting: 0 };
                e.requests += r.requests;
                e.open += r.open;
                e.expired += r.expired;
                e.studentsWaiting += r.studentsWaiting;
                bySector.set(r.sector, e);
              }
              const top = [...bySector.entries()].sort((a, b) => b[1].studentsWaiting - a[1].studentsWaiting || b[1].requests - a[1].requests).slice(0, 8);
              return (
                <ChartCard
                  title={t("reports.dashboard.unmetTitle")}
                  intro={t("reports.dashboard.unmetIntro")}
                  bars={top.map(([sector, e]) => ({ key: sector, label: sectorLabel(sector), value: e.studentsWaiting, valueLabel: `${number.format(e.studentsWaiting)} · ${t("reports.dashboard.requests").toLowerCase()} ${number.format(e.requests)}` }))}
                  table={{
                    columns: [
                      { header: t("reports.dashboard.sector") },
                      { header: t("reports.dashboard.studentsWaiting"), numeric: true },
                      { header: t("reports.dashboard.requests"), numeric: true },
                      { header: t("reports.dashboard.open"), numeric: true },
                      { header: t("reports.dashboard.expired"), numeric: true },
                    ],
                    rows: top.map(([sector, e]) => ({ key: sector, cells: [sectorLabel(sector), number.format(e.studentsWaiting), number.format(e.requests), number.format(e.open), number.format(e.expired)] })),
                    footer: [t("reports.dashboard.total"), number.format(data.totals.studentsWaiting), number.format(data.totals.requests), number.format(data.totals.open), number.format(data.totals.expired)],
                  }}
                  csv={{ path: "/api/reports/unmet-demand", query: { ...range }, filename: `unmet-demand-${schoolYear}.csv` }}
                >
                  <MeasureHelp
                    items={(["studentsWaiting", "requests", "open", "expired"] as const).map((key) => ({ term: t(`reports.dashboard.${key}`), description: t(`reports.dashboard.help.unmet.${key}`) }))}
                  />
                </ChartCard>
              );
            }}
          </Loaded>

          <Loaded query={employers}>
            {(data) => {
              const rows = LEVELS.map((level) => ({ level, count: data.totals.byHighestLevel[level] }));
              return (
                <ChartCard
                  title={t("reports.dashboard.employersTitle")}
                  intro={
                    <>
                      {t("reports.dashboard.acceptRate")}: {data.totals.acceptRate === null ? "—" : percent.format(data.totals.acceptRate)} · {t("reports.dashboard.hostAgainRate")}:{" "}
                      {data.totals.hostAgainRate === null ? "—" : percent.format(data.totals.hostAgainRate)}
                    </>
                  }
                  bars={data.totals.employers > 0 ? rows.map(({ level, count }) => ({ key: level, label: levelLabel(level), value: count, valueLabel: number.format(count) })) : []}
                  table={{
                    columns: [{ header: t("reports.dashboard.employersByLevel") }, { header: t("reports.dashboard.employersCount"), numeric: true }],
                    rows: rows.map(({ level, count }) => ({ key: level, cells: [levelLabel(level), number.format(count)] })),
                    footer: [t("reports.dashboard.total"), number.format(data.totals.employers)],
                  }}
                  csv={{
                    rows: [["level", "employers"], ...rows.map(({ level, count }) => [level, count]), ["total", data.totals.employers]],
                    filename: `employers-by-level-${schoolYear}.csv`,
                  }}
                >
                  <ExposureOnly employers={data.exposureOnly} language={i18n.language} />
                </ChartCard>
              );
            }}
          </Loaded>
        </SimpleGrid>

        <Loaded query={equity}>
          {(data) => {
            const label = (r: { rate: number | null; suppressed: boolean; participants: number | null; enrolled: number | null }) =>
              r.suppressed || r.rate === null ? t("reports.dashboard.suppressed") : `${percent.format(r.rate)} (${number.format(r.participants ?? 0)}/${number.format(r.enrolled ?? 0)})`;
            const cell = (v: number | null, suppressed: boolean) => (suppressed || v === null ? t("reports.dashboard.suppressed") : number.format(v));
            return (
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
                bars={data.rows.map((r) => ({ key: r.group, label: groupLabel(r.group), value: r.suppressed ? null : r.rate, valueLabel: label(r) }))}
                table={{
                  columns: [
                    { header: t("reports.dashboard.group") },
                    { header: t("reports.dashboard.enrolled"), numeric: true },
                    { header: t("reports.dashboard.participants"), numeric: true },
                    { header: t("reports.dashboard.rate"), numeric: true },
                  ],
                  rows: data.rows.map((r) => ({
                    key: r.group,
                    cells: [groupLabel(r.group), cell(r.enrolled, r.suppressed), cell(r.participants, r.suppressed), r.suppressed || r.rate === null ? t("reports.dashboard.suppressed") : percent.format(r.rate)],
                  })),
                  footer: [
                    t("reports.dashboard.total"),
                    cell(data.totals.enrolled, data.totals.suppressed),
                    cell(data.totals.participants, data.totals.suppressed),
                    data.totals.rate === null ? "—" : percent.format(data.totals.rate),
                  ],
                }}
                csv={{ path: "/api/reports/equity", query: { dimension, schoolYear }, filename: `participation-by-${dimension}-${schoolYear}.csv` }}
              >
                <MeasureHelp
                  items={(["enrolled", "participants", "rate", "suppressed"] as const).map((key) => ({ term: t(`reports.dashboard.${key}`), description: t(`reports.dashboard.help.equity.${key}`) }))}
                />
              </ChartCard>
            );
          }}
        </Loaded>

        <Loaded query={calpads}>{(data) => <CalpadsExport schoolYear={schoolYear} totals={data.totals} rows={data.rows} />}</Loaded>
      </Stack>
    </>
  );
}

function ExposureOnly({ employers, language }: { employers: { employerId: string; name: string; sectors: string[]; experiences: number; lastCompletedOn: string }[]; language: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
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
                  <Table.Td>{date.format(new Date(`${e.lastCompletedOn.slice(0, 10)}T12:00:00Z`))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function CalpadsExport({ schoolYear, totals, rows }: { schoolYear: string; totals: { records: number; exported: number; withIssues: number }; rows: CalpadsIssueRow[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await downloadCsv(CALPADS_CSV_PATH, { schoolYear }, `calpads-wbl-${schoolYear}.csv`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {t("reports.dashboard.calpadsTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("reports.dashboard.calpadsIntro", { year: schoolYear })}
        </Text>
        <Text size="sm" data-testid="calpads-counts">
          {t("reports.dashboard.calpadsCounts", { exported: totals.exported, records: totals.records, withIssues: totals.withIssues })}
        </Text>
        <CalpadsReadiness rows={rows} withIssues={totals.withIssues} />
        <Group>
          <Button loading={busy} onClick={() => void download()}>
            {t("reports.dashboard.calpadsDownload")}
          </Button>
        </Group>
        {failed ? (
          <Alert role="alert" color="red" variant="light">
            {t("reports.dashboard.downloadFailed")}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
