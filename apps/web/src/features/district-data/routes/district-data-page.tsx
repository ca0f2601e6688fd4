import type { DistrictExport } from "@bridgework/domain";
import { DISTRICT_EXPORT_KEEP_DAYS } from "@bridgework/domain";
import { Alert, Button, Group, Paper, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import {
  downloadDistrictExport,
  useDistrictChoices,
  useDistrictExports,
  useStartDistrictExport,
} from "../api/district-exports.ts";
import type { DistrictDataSearch } from "./search.ts";

/** "1.2 MB" in the reader's language. */
function formatSize(bytes: number | null, language: string): string {
  if (bytes === null) return "";
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [Math.max(bytes / 1000, 0.1), "kilobyte"];
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A district's data in its own hands (FERPA, SOPIPA, NDPA): export everything about its students
 * as one ZIP, follow the job's progress, download it. Coordinators export their own district;
 * intermediaries choose one of the region's. Other district actions (erase) live on the
 * district's organization page; this page holds exports only, in sections that can grow.
 */
export function DistrictDataPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const search = useSearch({ strict: false }) as DistrictDataSearch;
  const navigate = useNavigate();
  const chooses = user.role === "intermediary";
  const districts = useDistrictChoices(chooses);
  const districtId = chooses ? (search.district ?? null) : user.organizationId;
  const districtName = chooses ? (districts.data?.find((d) => d.id === districtId)?.name ?? "") : user.organizationName;

  return (
    <>
      <PageHeader title={t("districtData.title")} intro={t("districtData.intro")} />
      {chooses ? (
        <Paper withBorder radius="md" p="md" mb="md">
          <Select
            label={t("districtData.district")}
            placeholder={t("districtData.chooseDistrict")}
            data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={districtId}
            onChange={(value) => void navigate({ to: "/district-data", search: value ? { district: value } : {} })}
            maw={360}
          />
        </Paper>
      ) : null}
      {districtId ? <DistrictExports districtId={districtId} districtName={districtName} /> : null}
    </>
  );
}

function DistrictExports({ districtId, districtName }: { districtId: string; districtName: string }) {
  const { t, i18n } = useTranslation();
  const exports = useDistrictExports(districtId);
  const start = useStartDistrictExport();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const latest = exports.data?.[0];
  const live = latest && (latest.status === "queued" || latest.status === "running") ? latest : null;
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);
  const download = (item: DistrictExport) => {
    setDownloadError(null);
    downloadDistrictExport(item).catch(setDownloadError);
  };

  const columns: DataTableColumn<DistrictExport>[] = [
    {
      id: "requested",
      header: t("districtData.requested"),
      rowHeader: true,
      fw: 500,
      sortValue: (item) => item.createdAt,
      cell: (item) => when(item.createdAt),
    },
    {
      id: "by",
      header: t("districtData.by"),
      sortValue: (item) => item.requestedBy.name,
      cell: (item) => item.requestedBy.name,
    },
    {
      id: "status",
      header: t("districtData.status"),
      sortValue: (item) => t(`districtData.statuses.${item.status}`),
      cell: (item) => t(`districtData.statuses.${item.status}`),
    },
    {
      id: "available",
      header: t("districtData.available"),
      sortValue: (item) => item.expiresAt,
      cell: (item) => (item.expiresAt ? when(item.expiresAt) : ""),
    },
    {
      id: "file",
      header: t("districtData.file"),
      cell: (item) =>
        item.status === "done" ? (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="light"
              aria-label={t("districtData.downloadRowLabel", { when: when(item.createdAt) })}
              onClick={() => download(item)}
            >
              {t("districtData.downloadRow")}
            </Button>
            <Text size="sm">{formatSize(item.size, i18n.language)}</Text>
          </Group>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h3" mb="xs">
          {t("districtData.exportHeading")}
        </Title>
        <Text mb="sm">{t("districtData.exportHelp", { days: DISTRICT_EXPORT_KEEP_DAYS })}</Text>
        <Text size="sm" c="dimmed" mb="md">
          {t("districtData.privacy")}
        </Text>
        <Button onClick={() => start.mutate(districtId)} loading={start.isPending} disabled={Boolean(live)}>
          {t("districtData.export", { district: districtName })}
        </Button>
        {start.isError ? <ErrorAlert error={start.error} /> : null}
        <div aria-live="polite">
          {live ? (
            <Stack gap={4} mt="md">
              <Text>{t("districtData.exporting", { step: t(`districtData.steps.${live.step}`) })}</Text>
              <Progress value={live.progress} aria-label={t("districtData.progressLabel")} animated />
            </Stack>
          ) : latest?.status === "done" && latest.size !== null ? (
            <Alert role="status" color="green" variant="light" mt="md" title={t("districtData.ready")}>
              <Button variant="filled" onClick={() => download(latest)}>
                {t("districtData.download", { size: formatSize(latest.size, i18n.language) })}
              </Button>
            </Alert>
          ) : latest?.status === "failed" ? (
            <Alert role="alert" color="red" variant="light" mt="md">
              {t("districtData.failed")}
            </Alert>
          ) : null}
        </div>
        {downloadError ? <ErrorAlert error={downloadError} /> : null}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h3" mb="xs">
          {t("districtData.recentHeading")}
        </Title>
        {exports.isError ? (
          <ErrorAlert error={exports.error} onRetry={() => void exports.refetch()} />
        ) : (
          <DataTable
            caption={t("districtData.caption")}
            columns={columns}
            data={exports.data}
            rowKey={(item) => item.id}
            empty={<Text>{t("districtData.recentEmpty")}</Text>}
            highlightOnHover={false}
            minWidth={320}
          />
        )}
      </Paper>
    </Stack>
  );
}
