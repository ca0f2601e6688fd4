import { KINDS, LEVELS, schoolYearBounds, schoolYearOf, schoolYearsBack } from "@bridgework/domain";
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDate } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { downloadCsv } from "../api/download-csv.ts";
import type { PlacementReport } from "../api/get-placement-report.ts";
import { useOrganizationChoices, usePathwayChoices } from "../api/get-choices.ts";
import { PLACEMENTS_PATH, type ReportFilters, usePlacementReports } from "../api/get-builder-report.ts";
import { BarList } from "../components/bar-list.tsx";
import { CrossTable } from "../components/cross-table.tsx";
import { type BuilderRow, buildCrossTab, groupingsOf, layoutOf, uniqueGroupings } from "../lib/cross-tab.ts";
import {
  dimensionsOf,
  REPORT_DIMENSIONS,
  REPORT_MEASURES,
  type ReportDimension,
  type ReportMeasure,
  type ReportSearch,
} from "./report-search.ts";

const route = getRouteApi("/_app/reports");
const CUSTOM = "custom";
const MAX_BARS = 30;
const DISTINCT: ReportMeasure[] = ["students", "employers", "newEmployers"];

/**
 * Placements by up to three dimensions (rows, columns, groups) with filters: a table with row and
 * column totals, a bar chart of the row totals, and the same report as CSV. Every choice lives in
 * the URL, so a report can be bookmarked.
 */
export function ReportBuilderPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<ReportSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const dims = dimensionsOf(search.by);
  const layout = layoutOf(dims);
  const today = useMemo(() => new Date(), []);
  const current = schoolYearOf(today);
  const years = schoolYearsBack(current, 5);
  if (search.year && !years.includes(search.year)) years.push(search.year);

  const range = search.year ? schoolYearBounds(search.year) : { from: search.from, to: search.to };
  const rangeInvalid = !!range.from && !!range.to && range.from > range.to;
  const isCoordinator = user.role === "coordinator";
  const filters: ReportFilters = {
    from: range.from,
    to: range.to,
    districtId: isCoordinator ? undefined : search.districtId,
    schoolId: search.schoolId,
    pathwayId: search.pathwayId,
    kind: search.kind,
    level: search.level,
  };

  const groupings = uniqueGroupings(layout);
  const results = usePlacementReports(groupings, filters, !rangeInvalid);
  const districts = useOrganizationChoices("district");
  const schools = useOrganizationChoices("school");
  const pathways = usePathwayChoices();

  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: "short", year: "numeric", timeZone: "UTC" });
  const dimLabel = (d: ReportDimension) => t(`reports.builder.dimensions.${d}`);
  const measureLabel = (m: ReportMeasure) => t(`reports.dashboard.measures.${m}`);
  const notSet = t("reports.builder.notSet");
  const valueLabel = (dim: ReportDimension, row: BuilderRow): string => {
    switch (dim) {
      case "sector":
        return row.sector ? labels.sector(row.sector) : notSet;
      case "level":
        return row.level ? labels.level(row.level) : notSet;
      case "kind":
        return row.kind ? labels.kind(row.kind) : notSet;
      case "month":
        return row.month ? monthFormat.format(new Date(`${row.month}-15T12:00:00Z`)) : notSet;
      case "schoolYear":
        return row.schoolYear ?? notSet;
      default:
        return row[dim] ?? notSet;
    }
  };

  // Schools of the chosen district (a coordinator's own); pathways of the chosen school, or of those schools.
  const districtScope = isCoordinator ? user.organizationId : search.districtId;
  const schoolChoices = (schools.data ?? []).filter((s) => !districtScope || s.parentId === districtScope);
  const schoolNames = new Map((schools.data ?? []).map((s) => [s.id, s.name]));
  const pathwayChoices = (pathways.data ?? []).filter((p) =>
    search.schoolId ? p.schoolId === search.schoolId : !districtScope || schoolChoices.some((s) => s.id === p.schoolId),
  );

  const setDimension = (slot: 0 | 1 | 2, value: string) => {
    const next: (string | undefined)[] = [dims[0], dims[1], dims[2]];
    next[slot] = value || undefined;
    // A dimension is used once; groups need columns.
    const kept: string[] = [];
    for (const d of next) if (d && !kept.includes(d)) kept.push(d);
    if (!next[1]) kept.splice(1);
    update({ by: kept.join(",") });
  };
  const dimensionOptions = (exclude: (ReportDimension | undefined)[], optional: boolean) => [
    ...(optional ? [{ value: "", label: t("reports.builder.none") }] : []),
    ...REPORT_DIMENSIONS.filter((d) => !exclude.includes(d)).map((d) => ({ value: d, label: dimLabel(d) })),
  ];

  const periodText = search.year
    ? t("reports.builder.schoolYear", { year: search.year })
    : range.from || range.to
      ? t("reports.builder.range", {
          from: range.from ? formatDate(range.from, i18n.language) : "…",
          to: range.to ? formatDate(range.to, i18n.language) : "…",
        })
      : t("reports.builder.allTime");
  const measure = search.measure;
  const title = t("reports.builder.tableTitle", {
    measure: measureLabel(measure),
    dimensions: dims.map(dimLabel).join(" × "),
  });
  const caption = `${title}. ${t("reports.builder.tableCaption", { measure: measureLabel(measure), period: periodText })}`;

  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const cellsGrouping = groupingsOf(layout).cells;
  const download = async () => {
    setDownloading(true);
    setDownloadFailed(false);
    const period = search.year ?? [range.from, range.to].filter(Boolean).join("_to_");
    try {
      await downloadCsv(
        PLACEMENTS_PATH,
        { groupBy: cellsGrouping.join(","), ...filters },
        `placements-by-${cellsGrouping.join("-")}${period ? `-${period}` : ""}.csv`,
      );
    } catch {
      setDownloadFailed(true);
    } finally {
      setDownloading(false);
    }
  };

  const failed = results.find((r) => r.isError);
  const ready = results.every((r) => r.data !== undefined);
  const reports = new Map<string, PlacementReport>();
  groupings.forEach((g, i) => {
    const data = results[i]?.data;
    if (data) reports.set(g.join(","), data);
  });
  const tab = ready ? buildCrossTab(layout, reports, measure, valueLabel) : null;
  const chartTitle = t("reports.builder.chartTitle", {
    measure: measureLabel(measure),
    dimension: dimLabel(layout.rows),
  });
  const dimsHeading = useId();
  const filtersHeading = useId();
  const chartHeading = useId();

  return (
    <>
      <PageHeader title={t("reports.builder.title")} intro={t("reports.builder.intro")} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={dimsHeading}>
          <Title order={2} size="h4" id={dimsHeading} mb="sm">
            {t("reports.builder.dimensionsTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NativeSelect
              label={t("reports.builder.rows")}
              withAsterisk
              value={dims[0]}
              onChange={(e) => setDimension(0, e.currentTarget.value)}
              data={dimensionOptions([], false)}
            />
            <NativeSelect
              label={t("reports.builder.columns")}
              value={dims[1] ?? ""}
              onChange={(e) => setDimension(1, e.currentTarget.value)}
              data={dimensionOptions([dims[0]], true)}
            />
            <NativeSelect
              label={t("reports.builder.groups")}
              value={dims[2] ?? ""}
              disabled={!dims[1]}
              onChange={(e) => setDimension(2, e.currentTarget.value)}
              data={dimensionOptions([dims[0], dims[1]], true)}
            />
            <NativeSelect
              label={t("reports.builder.measure")}
              value={measure}
              onChange={(e) => update({ measure: e.currentTarget.value as ReportMeasure })}
              data={REPORT_MEASURES.map((m) => ({ value: m, label: measureLabel(m) }))}
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={filtersHeading}>
          <Title order={2} size="h4" id={filtersHeading} mb="sm">
            {t("reports.builder.filtersTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <NativeSelect
              label={t("reports.builder.period")}
              value={search.year ?? CUSTOM}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value === CUSTOM) update({ year: undefined, ...schoolYearBounds(search.year ?? current) });
                else update({ year: value, from: undefined, to: undefined });
              }}
              data={[
                ...years.map((y) => ({ value: y, label: t("reports.builder.schoolYear", { year: y }) })),
                { value: CUSTOM, label: t("reports.builder.customRange") },
              ]}
            />
            {search.year ? null : (
              <Group grow gap="sm" align="flex-start">
                <TextInput
                  type="date"
                  label={t("reports.builder.from")}
                  value={search.from ?? ""}
                  max={search.to}
                  error={rangeInvalid ? t("reports.builder.fromAfterTo") : undefined}
                  onChange={(e) => update({ from: e.currentTarget.value || undefined })}
                />
                <TextInput
                  type="date"
                  label={t("reports.builder.to")}
                  value={search.to ?? ""}
                  min={search.from}
                  onChange={(e) => update({ to: e.currentTarget.value || undefined })}
                />
              </Group>
            )}
            {isCoordinator ? null : (
              <NativeSelect
                label={t("reports.builder.district")}
                value={search.districtId ?? ""}
                onChange={(e) =>
                  update({ districtId: e.currentTarget.value || undefined, schoolId: undefined, pathwayId: undefined })
                }
                data={[
                  { value: "", label: t("reports.builder.allDistricts") },
                  ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                ]}
              />
            )}
            <NativeSelect
              label={t("reports.builder.school")}
              value={search.schoolId ?? ""}
              onChange={(e) => update({ schoolId: e.currentTarget.value || undefined, pathwayId: undefined })}
              data={[
                { value: "", label: t("reports.builder.allSchools") },
                ...schoolChoices.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <NativeSelect
              label={t("reports.builder.pathway")}
              value={search.pathwayId ?? ""}
              onChange={(e) => update({ pathwayId: e.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("reports.builder.allPathways") },
                ...pathwayChoices.map((p) => ({
                  value: p.id,
                  label: search.schoolId
                    ? p.name
                    : t("reports.builder.pathwayAt", { pathway: p.name, school: schoolNames.get(p.schoolId) ?? "" }),
                })),
              ]}
            />
            <NativeSelect
              label={t("reports.builder.kind")}
              value={search.kind ?? ""}
              onChange={(e) => update({ kind: (e.currentTarget.value || undefined) as ReportSearch["kind"] })}
              data={[
                { value: "", label: t("reports.builder.allKinds") },
                ...KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
              ]}
            />
            <NativeSelect
              label={t("reports.builder.level")}
              value={search.level ?? ""}
              onChange={(e) => update({ level: (e.currentTarget.value || undefined) as ReportSearch["level"] })}
              data={[
                { value: "", label: t("reports.builder.allLevels") },
                ...LEVELS.map((l) => ({ value: l, label: labels.level(l) })),
              ]}
            />
          </SimpleGrid>
        </Paper>

        {rangeInvalid ? null : failed ? (
          <ErrorAlert error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />
        ) : !tab ? (
          <PageLoader />
        ) : (
          <>
            <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start">
                  <Title order={2} size="h4">
                    {title}
                  </Title>
                  <Stack gap={2} align="flex-end">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void download()}
                      loading={downloading}
                      disabled={tab.empty}
                    >
                      {t("reports.builder.downloadCsv")}
                    </Button>
                    <Text size="xs" c="dimmed">
                      {t("reports.builder.downloadHint")}
                    </Text>
                  </Stack>
                </Group>
                {downloadFailed ? (
                  <Alert color="red" role="alert">
                    {t("reports.builder.downloadFailed")}
                  </Alert>
                ) : null}
                {tab.empty ? (
                  <Text c="dimmed">{t("reports.builder.noData")}</Text>
                ) : (
                  <CrossTable
                    tab={tab}
                    caption={DISTINCT.includes(measure) ? caption : `${title}, ${periodText}`}
                    rowHeader={
                      layout.columns ? `${dimLabel(layout.rows)} / ${dimLabel(layout.columns)}` : dimLabel(layout.rows)
                    }
                    valueHeader={measureLabel(measure)}
                    totalLabel={t("reports.builder.total")}
                    subtotalLabel={(group) => t("reports.builder.subtotal", { group })}
                    format={(n) => number.format(n)}
                  />
                )}
              </Stack>
            </Paper>
            {tab.empty ? null : (
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby={chartHeading}>
                <Stack gap="sm">
                  <Title order={2} size="h4" id={chartHeading}>
                    {chartTitle}
                  </Title>
                  {tab.overall.length > MAX_BARS ? (
                    <Text size="sm" c="dimmed">
                      {t("reports.builder.tooMany", { count: tab.overall.length, shown: MAX_BARS })}
                    </Text>
                  ) : null}
                  <BarList
                    label={t("reports.builder.chartLabel", { title: chartTitle })}
                    bars={tab.overall.slice(0, MAX_BARS).map((row) => ({
                      key: row.key,
                      label: row.label,
                      value: row.total,
                      valueLabel: number.format(row.total),
                    }))}
                  />
                </Stack>
              </Paper>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
