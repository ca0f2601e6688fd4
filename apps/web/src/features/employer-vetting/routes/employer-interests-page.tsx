import { Alert, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { useInterests } from "../api/interests.ts";
import { SubmissionCard } from "../components/submission-card.tsx";

/** The intermediary's queue of confirmed "Get involved" submissions: approve, merge into an employer, or decline. */
export function EmployerInterestsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useInterests(page);
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  const done = (text: string) => {
    setNotice(text);
    focusAfter();
  };
  return (
    <>
      <PageHeader title={t("vetting.title")} intro={t("vetting.intro")} />
      <Stack gap="md" maw={960}>
        <div role="status" aria-live="polite" ref={resultRef} tabIndex={-1}>
          {notice ? (
            <Alert color="green" variant="light">
              {notice}
            </Alert>
          ) : null}
        </div>
        {queue.isPending ? (
          <PageLoader />
        ) : queue.isError ? (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.data.items.length === 0 ? (
          <Text c="dimmed">{t("vetting.empty")}</Text>
        ) : (
          <>
            {queue.data.items.map((s) => (
              <SubmissionCard key={s.id} submission={s} onDecided={done} />
            ))}
            <Pager page={page} pageSize={queue.data.pageSize} total={queue.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
    </>
  );
}
