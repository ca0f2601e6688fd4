import { Alert, Button, Group, Input, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { useImportStatus, useRefreshStudentsAfterImport, useStartStudentImport } from "../api/import-students.ts";

/** CSV upload through the background import: a progress bar while it runs, then counts and the rows it refused. */
export function ImportPanel() {
  const { t } = useTranslation();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartStudentImport();
  const status = useImportStatus(importId);
  const refresh = useRefreshStudentsAfterImport();
  const current = status.data;
  const finished = current?.status === "done";

  useEffect(() => {
    if (finished) void refresh();
  }, [finished, refresh]);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setImportId(null);
    const { importId: id } = await start.mutateAsync(file).catch(() => ({ importId: null }));
    if (id) setImportId(id);
  };

  const percent = current && current.total > 0 ? Math.round((current.processed / current.total) * 100) : current?.status === "done" ? 100 : 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${inputId}-title`}>
      <Title order={2} size="h4" id={`${inputId}-title`} mb="xs">
        {t("placements.students.importTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("placements.students.importHint")}
      </Text>
      <form onSubmit={(event) => void onSubmit(event)}>
        <Group align="flex-end" gap="sm">
          <Input.Wrapper label={t("placements.students.importFile")} id={inputId}>
            <input
              id={inputId}
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          </Input.Wrapper>
          <Button type="submit" disabled={!file} loading={start.isPending || current?.status === "running"}>
            {t("placements.students.importStart")}
          </Button>
        </Group>
      </form>
      <Stack gap="sm" mt="md" aria-live="polite">
        {start.isError ? <ErrorAlert error={start.error} /> : null}
        {status.isError ? <ErrorAlert error={status.error} /> : null}
        {current ? (
          <>
            <Progress value={percent} size="lg" aria-label={t("placements.students.importProgress")} animated={current.status === "running"} />
            {current.status === "running" ? <Text size="sm">{t("placements.students.importRunning", { processed: current.processed, total: current.total })}</Text> : null}
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
              <Table.ScrollContainer minWidth={400}>
                <Table className="data-table" striped>
                  <Table.Caption>{t("placements.students.importErrors")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("placements.students.importRow")}</Table.Th>
                      <Table.Th scope="col">{t("placements.students.importMessage")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {current.errors.map((e, i) => (
                      <Table.Tr key={`${e.row}-${i}`}>
                        <Table.Td>{e.row}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
