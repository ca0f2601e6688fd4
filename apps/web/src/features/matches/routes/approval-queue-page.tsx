import type { MatchSummary } from "@bridgework/domain";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useMatches } from "../api/get-matches.ts";
import { useApproveMatch, useCancelMatch } from "../api/match-actions.ts";
import { MatchSummaryCard } from "../components/match-summary-card.tsx";
import { ReasonDialog } from "../components/reason-dialog.tsx";

/** Coordinators and intermediaries: teachers' proposals, flags explained, approve or cancel with a reason. */
export function ApprovalQueuePage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useMatches({ status: "proposed", page });
  // The approved proposal leaves the queue with its button: focus goes to the notice saying so.
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  const done = (text: string) => {
    setNotice(text);
    focusAfter();
  };

  return (
    <>
      <PageHeader title={t("brokering.matches.queueTitle")} intro={t("brokering.matches.queueIntro")} />
      <Stack gap="md" maw={960}>
        <div role="status" aria-live="polite" ref={resultRef}>
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
          <Text c="dimmed">{t("brokering.matches.queueEmpty")}</Text>
        ) : (
          <>
            {queue.data.items.map((m) => (
              <QueueItem key={m.id} match={m} onDone={done} />
            ))}
            <Pager page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
    </>
  );
}

function QueueItem({ match, onDone }: { match: MatchSummary; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const approve = useApproveMatch();
  const cancel = useCancelMatch();
  const [cancelling, setCancelling] = useState(false);
  return (
    <MatchSummaryCard match={match}>
      {approve.isError ? <ErrorAlert error={approve.error} /> : null}
      <Group>
        <Button color="teal.9" loading={approve.isPending} onClick={() => approve.mutate(match.id, { onSuccess: () => onDone(t("brokering.matches.approved")) })}>
          {t("brokering.matches.approve")}
        </Button>
        <Button variant="outline" color="red.9" onClick={() => setCancelling(true)}>
          {t("brokering.matches.cancelMatch")}
        </Button>
      </Group>
      <ReasonDialog
        opened={cancelling}
        title={t("brokering.matches.cancelTitle")}
        onClose={() => setCancelling(false)}
        onConfirm={(input) => cancel.mutateAsync({ id: match.id, input })}
      />
    </MatchSummaryCard>
  );
}
