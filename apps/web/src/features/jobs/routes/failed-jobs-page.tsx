import { Alert, Button, Code, Paper, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
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
  const what = (job: FailedJob) => (job.email ? t("jobs.emailTo", { subject: job.email.subject, to: job.email.to }) : t("jobs.sweepRun", { id: job.jobId ?? "" }));

  const onRetry = (job: FailedJob) => {
    if (!job.outboxId) return;
    setRetried(null);
    retry.mutate(job.outboxId, { onSuccess: () => setRetried(what(job)) });
  };

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
        {jobs.isPending ? (
          <PageLoader />
        ) : jobs.isError ? (
          <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.items.length === 0 ? (
          <Text>{t("jobs.empty")}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped className="data-table" verticalSpacing="sm">
                <Table.Caption>{t("jobs.caption", { count: jobs.data.total })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("jobs.job")}</Table.Th>
                    <Table.Th scope="col">{t("jobs.queue")}</Table.Th>
                    <Table.Th scope="col">{t("jobs.attempts")}</Table.Th>
                    <Table.Th scope="col">{t("jobs.error")}</Table.Th>
                    <Table.Th scope="col">{t("jobs.failedAt")}</Table.Th>
                    <Table.Th scope="col">{t("jobs.action")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.items.map((job) => (
                    <Table.Tr key={job.outboxId ?? `${job.queue}:${job.jobId}`}>
                      <Table.Th scope="row" fw={600}>
                        {what(job)}
                      </Table.Th>
                      <Table.Td>{job.queue}</Table.Td>
                      <Table.Td>{job.attempts}</Table.Td>
                      <Table.Td>
                        <Code>{job.error}</Code>
                      </Table.Td>
                      <Table.Td>{when(job.failedAt ?? job.createdAt)}</Table.Td>
                      <Table.Td>
                        {job.retryable && job.outboxId ? (
                          <Button size="xs" variant="light" aria-label={t("jobs.retryLabel", { what: what(job) })} loading={retry.isPending && retry.variables === job.outboxId} onClick={() => onRetry(job)}>
                            {t("jobs.retry")}
                          </Button>
                        ) : (
                          <Text size="sm">{t("jobs.notRetryable")}</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={jobs.data.page} pageSize={jobs.data.pageSize} total={jobs.data.total} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
