import { Alert, Badge, Button, Group, Input, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import {
  downloadImportTemplate,
  type ImportPreview,
  type ImportStatus,
  useImportStatus,
  usePreviewStudentImport,
  useRefreshStudentsAfterImport,
  useStartStudentImport,
} from "../api/import-students.ts";

const OUTCOME_COLOR = { create: "green", update: "blue", error: "red" } as const;

/**
 * CSV upload in two steps: "Check file" asks the API what each row would do (saving nothing),
 * then "Import" runs the background import of the same file: a progress bar while it runs,
 * then counts and the rows it refused. The template is one click away.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [templateFailed, setTemplateFailed] = useState(false);
  const check = usePreviewStudentImport();
  const start = useStartStudentImport();
  const status = useImportStatus(importId);
  const refresh = useRefreshStudentsAfterImport();
  const current = status.data;
  const finished = current?.status === "done";

  useEffect(() => {
    if (finished) void refresh();
  }, [finished, refresh]);

  const downloadTemplate = async () => {
    setTemplateFailed(false);
    await downloadImportTemplate().catch(() => setTemplateFailed(true));
  };

  const onCheck = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setImportId(null);
    setPreview(null);
    start.reset();
    const result = await check.mutateAsync(file).catch(() => null);
    setPreview(result);
  };

  const onConfirm = async () => {
    if (!file) return;
    const { importId: id } = await start.mutateAsync(file).catch(() => ({ importId: null }));
    if (id) {
      setImportId(id);
      setPreview(null);
    }
  };

  const errorColumns: DataTableColumn<ImportStatus["errors"][number]>[] = [
    { id: "row", header: t("placements.students.importRow"), sortValue: (e) => e.row, cell: (e) => e.row },
    { id: "message", header: t("placements.students.importMessage"), cell: (e) => e.message },
  ];
  const importable = preview ? preview.create + preview.update : 0;
  const percent =
    current && current.total > 0
      ? Math.round((current.processed / current.total) * 100)
      : current?.status === "done"
        ? 100
        : 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${inputId}-title`}>
      <Title order={2} size="h4" id={`${inputId}-title`} mb="xs">
        {t("placements.students.importTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("students.import.hint")}
      </Text>
      <Group mb="sm">
        <Button variant="light" onClick={() => void downloadTemplate()}>
          {t("students.import.template")}
        </Button>
      </Group>
      {templateFailed ? (
        <Alert role="alert" color="red" variant="light" mb="sm">
          {t("students.import.templateFailed")}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void onCheck(event)}>
        <Group align="flex-end" gap="sm">
          <Input.Wrapper label={t("placements.students.importFile")} id={inputId} maw="100%" miw={0}>
            <input
              id={inputId}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              style={{ maxWidth: "100%" }}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setPreview(null);
                setImportId(null);
              }}
            />
          </Input.Wrapper>
          <Button type="submit" variant={preview ? "default" : "filled"} disabled={!file} loading={check.isPending}>
            {t("students.import.check")}
          </Button>
        </Group>
      </form>
      <Stack gap="sm" mt="md" aria-live="polite">
        {check.isError ? <ErrorAlert error={check.error} /> : null}
        {preview ? <PreviewTable preview={preview} /> : null}
        {preview ? (
          importable > 0 ? (
            <Group align="center" gap="sm">
              <Button onClick={() => void onConfirm()} loading={start.isPending}>
                {t("students.import.confirm")}
              </Button>
              <Text size="sm" c="dimmed">
                {preview.errors > 0 ? t("students.import.confirmHint") : null}
              </Text>
            </Group>
          ) : (
            <Alert color="yellow" variant="light">
              {t("students.import.nothingToImport")}
            </Alert>
          )
        ) : null}
        {start.isError ? <ErrorAlert error={start.error} /> : null}
        {status.isError ? <ErrorAlert error={status.error} /> : null}
        {current ? (
          <>
            <Progress
              value={percent}
              size="lg"
              aria-label={t("placements.students.importProgress")}
              animated={current.status === "running"}
            />
            {current.status === "running" ? (
              <Text size="sm">
                {t("placements.students.importRunning", { processed: current.processed, total: current.total })}
              </Text>
            ) : null}
            {current.status === "done" ? (
              <Alert color="green" variant="light" role="status">
                {t("placements.students.importDone", { created: current.created, updated: current.updated })}
              </Alert>
            ) : null}
            {current.status === "failed" ? (
              <Alert color="red" variant="light" role="alert">
                {t("placements.students.importFailed", { detail: current.detail ?? "" })}
              </Alert>
            ) : null}
            {current.errors.length > 0 ? (
              <DataTable
                caption={t("placements.students.importErrors")}
                columns={errorColumns}
                data={current.errors}
                rowKey={(e, i) => `${e.row}-${i}`}
                empty={null}
                highlightOnHover={false}
                minWidth={400}
              />
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Each row of the file with what the import would do to it; problems name the file's column. */
function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const headingId = useId();
  const listedOk = preview.rows.filter((r) => r.outcome !== "error").length;
  const columns: DataTableColumn<ImportPreview["rows"][number]>[] = [
    { id: "row", header: t("students.import.row"), sortValue: (r) => r.row, cell: (r) => r.row },
    {
      id: "student",
      header: t("students.import.student"),
      sortValue: (r) => r.name,
      cell: (r) => (
        <>
          {r.name ?? "—"}
          {r.localId ? (
            <Text span size="xs" c="dimmed">
              {" "}
              ({r.localId}
              {r.school ? `, ${r.school}` : ""})
            </Text>
          ) : null}
        </>
      ),
    },
    {
      id: "outcome",
      header: t("students.import.outcome"),
      sortValue: (r) => t(`students.import.outcomes.${r.outcome}`),
      cell: (r) => (
        <Badge color={OUTCOME_COLOR[r.outcome]} variant="light" tt="none" autoContrast>
          {t(`students.import.outcomes.${r.outcome}`)}
        </Badge>
      ),
    },
    {
      id: "problems",
      header: t("students.import.problems"),
      cell: (r) =>
        r.problems.length ? (
          <List size="sm" spacing={2}>
            {r.problems.map((p, i) => (
              <List.Item key={i}>{p.message}</List.Item>
            ))}
          </List>
        ) : (
          "—"
        ),
    },
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t("students.import.previewTitle")}
      </Title>
      <Text size="sm" data-testid="import-preview-summary">
        {t("students.import.previewSummary", {
          total: preview.total,
          create: preview.create,
          update: preview.update,
          errors: preview.errors,
        })}
      </Text>
      {listedOk < preview.create + preview.update ? (
        <Text size="sm" c="dimmed">
          {t("students.import.previewMore", { count: listedOk })}
        </Text>
      ) : null}
      <DataTable
        caption={t("students.import.previewCaption")}
        columns={columns}
        data={preview.rows}
        rowKey={(r) => String(r.row)}
        empty={null}
        highlightOnHover={false}
        minWidth={520}
        maxHeight={420}
      />
    </Stack>
  );
}
