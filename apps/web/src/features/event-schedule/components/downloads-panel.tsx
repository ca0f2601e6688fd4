import type { ScheduleGrouping } from "@bridgework/domain";
import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { downloadFile } from "../../../lib/download.ts";

interface FileLink {
  label: string;
  path: string;
  accept: string;
  filename: string;
  query?: Record<string, string>;
  hint?: string;
}

/** The printables: schedules (by the view's grouping), badges, rubric results and (for those who run it) volunteer hours. */
export function DownloadsPanel({
  eventId,
  by,
  canManage,
}: {
  eventId: string;
  by: ScheduleGrouping;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pdf = "application/pdf";
  const csv = "text/csv";
  const files: FileLink[] = [
    {
      label: t("eventSchedule.downloads.schedules", { by: t(`eventSchedule.view.${by}`).toLowerCase() }),
      path: `/api/events/${eventId}/schedules.pdf`,
      accept: pdf,
      filename: `schedule-by-${by}.pdf`,
      query: { by },
    },
    {
      label: t("eventSchedule.downloads.badges"),
      path: `/api/events/${eventId}/badges.pdf`,
      accept: pdf,
      filename: "badges.pdf",
    },
    {
      label: t("eventSchedule.downloads.rubricPdf"),
      path: `/api/events/${eventId}/rubric-results.pdf`,
      accept: pdf,
      filename: "rubric-results.pdf",
    },
    {
      label: t("eventSchedule.downloads.rubricCsv"),
      path: `/api/events/${eventId}/rubric-results.csv`,
      accept: csv,
      filename: "rubric-results.csv",
    },
    ...(canManage
      ? [
          {
            label: t("eventSchedule.downloads.hours"),
            path: `/api/events/${eventId}/volunteer-hours.csv`,
            accept: csv,
            filename: "volunteer-hours.csv",
            hint: t("eventSchedule.downloads.hoursHint"),
          },
        ]
      : []),
  ];
  const download = async (f: FileLink) => {
    setError(null);
    setBusy(f.path);
    try {
      await downloadFile(f.path, { accept: f.accept, filename: f.filename, query: f.query });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="downloads-heading">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4" id="downloads-heading">
          {t("eventSchedule.downloads.heading")}
        </Title>
        {files.map((f) => (
          <div key={f.path}>
            <Button variant="light" onClick={() => void download(f)} loading={busy === f.path}>
              {f.label}
            </Button>
            {f.hint ? (
              <Text size="xs" c="dimmed">
                {f.hint}
              </Text>
            ) : null}
          </div>
        ))}
        {error ? <ErrorAlert error={error} title={t("eventSchedule.downloads.failed")} /> : null}
      </Stack>
    </Paper>
  );
}
