import { Alert, Button, Code, Paper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { type FailedJob, useFailedJobs, useRetryJob } from "../api/failed-jobs.ts";
import { formatDateTime } from "../../../lib/format.ts";

/**
 * Jobs that exhausted their retries (intermediary): nothing is dropped silently, so someone can
 * see which email did not go out and why, fix the cause (a bad address, a mail outage) and retry.
 */
export function FailedJobsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const jobs = useFailedJobs(page);
  const retry = useRetryJob();
  const [retried, setRetried] = useState<string | null>(null);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);
  const what = (job: FailedJob) =>
    job.email
      ? t("jobs.emailTo", { subject: job.email.subject, to: job.email.to })
      : t("jobs.sweepRun", { id: job.jobId ?? "" });

  const onRetry = (job: FailedJob) => {
    if (!job.outboxId) return;
    setRetried(null);
    retry.mutate(job.outboxId, { onSuccess: () => setRetried(what(job)) });
  };

  const columns: DataTableColumn<FailedJob>[] = [
    { id: "job", header: t("jobs.job"), rowHeader: true, sortValue: what, cell: what },
    { id: "queue", header: t("jobs.queue"), sortValue: (job) => job.queue, cell: (job) => job.queue },
    { id: "attempts", header: t("jobs.attempts"), sortValue: (job) => job.attempts, cell: (job) => job.attempts },
    { id: "error", header: t("jobs.error"), cell: (job) => <Code>{job.error}</Code> },
    {
      id: "failedAt",
      header: t("jobs.failedAt"),
      sortValue: (job) => job.failedAt ?? job.createdAt,
      cell: (job) => when(job.failedAt ?? job.createdAt),
    },
    {
      id: "action",
      header: t("jobs.action"),
      cell: (job) =>
        job.retryable && job.outboxId ? (
          <Button
            size="xs"
            variant="light"
            aria-label={t("jobs.retryLabel", { what: what(job) })}
            loading={retry.isPending && retry.variables === job.outboxId}
            onClick={() => onRetry(job)}
          >
            {t("jobs.retry")}
          </Button>
        ) : (
          <Text size="sm">{t("jobs.notRetryable")}</Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t("jobs.title")} intro={t("jobs.intro")} />
      {retried ? (
        <Alert role="status" color="green" variant="light" mb="md">
          {t("jobs.retried", { what: retried })}
        </Alert>
      ) : null}
      {retry.isError ? <ErrorAlert error={retry.error} title={t("jobs.retryFailed")} /> : null}
      <Paper withBorder radius="md" p="md">
        {jobs.isError ? (
          <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <>
            <DataTable
              caption={t("jobs.caption", { count: jobs.data?.total ?? 0 })}
              loadingLabel={t("app.loading")}
              columns={columns}
              data={jobs.data?.items}
              rowKey={(job) => job.outboxId ?? `${job.queue}:${job.jobId}`}
              empty={<Text>{t("jobs.empty")}</Text>}
              highlightOnHover={false}
              minWidth={720}
            />
            {jobs.data && jobs.data.items.length > 0 ? (
              <Pager page={jobs.data.page} pageSize={jobs.data.pageSize} total={jobs.data.total} onChange={setPage} />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
