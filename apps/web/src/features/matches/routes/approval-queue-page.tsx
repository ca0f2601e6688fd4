import type { BulkResult, MatchSummary } from "@bridgework/domain";
import { Alert, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BulkResults, BulkToolbar, toggled } from "../../../components/ui/bulk-results.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { useFocusAfterAction } from "../../../hooks/use-focus-after-action.ts";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useApproveMatches } from "../api/approve-matches.ts";
import { useMatches } from "../api/get-matches.ts";
import { useApproveMatch, useCancelMatch } from "../api/match-actions.ts";
import { MatchSummaryCard } from "../components/match-summary-card.tsx";
import { ReasonDialog } from "../components/reason-dialog.tsx";

/** Coordinators and intermediaries: teachers' proposals, flags explained, approve (one or several at once) or cancel with a reason. */
export function ApprovalQueuePage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ result: BulkResult; labels: Map<string, string> } | null>(null);
  const queue = useMatches({ status: "proposed", page });
  // The approved proposal leaves the queue with its button: focus goes to the notice saying so.
  const { resultRef, focusAfter } = useFocusAfterAction<HTMLDivElement>();
  const done = (text: string) => {
    setNotice(text);
    focusAfter();
  };
  const approveMany = useApproveMatches();
  const items = queue.data?.items ?? [];
  const label = (m: MatchSummary) => t("account.bulk.selectMatch", { title: m.opportunityTitle, school: m.schoolName });
  const ids = items.map((m) => m.id);
  const chosen = ids.filter((id) => selected.has(id));

  const approveSelected = () => {
    const labels = new Map(
      items.filter((m) => selected.has(m.id)).map((m) => [m.id, `${m.opportunityTitle} — ${m.schoolName}`]),
    );
    setNotice(null);
    approveMany.mutate(chosen, {
      onSuccess: (result) => {
        setOutcome({ result, labels });
        setSelected(new Set());
      },
    });
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
        {outcome ? (
          <BulkResults
            result={outcome.result}
            labelOf={(id) => outcome.labels.get(id) ?? t("account.bulk.unknownItem", { id })}
            doneText={t("account.bulk.approved")}
          />
        ) : null}
        {approveMany.isError ? <ErrorAlert error={approveMany.error} /> : null}
        {queue.isPending ? (
          <PageLoader />
        ) : queue.isError ? (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.data.items.length === 0 ? (
          <Text c="dimmed">{t("brokering.matches.queueEmpty")}</Text>
        ) : (
          <>
            <BulkToolbar ids={ids} selected={selected} onChange={setSelected}>
              <Button
                color="teal.9"
                disabled={chosen.length === 0}
                loading={approveMany.isPending}
                onClick={approveSelected}
              >
                {t("account.bulk.approveSelected")}
              </Button>
            </BulkToolbar>
            {queue.data.items.map((m) => (
              <QueueItem
                key={m.id}
                match={m}
                onDone={done}
                selectLabel={label(m)}
                selected={selected.has(m.id)}
                onSelect={(on) => setSelected((current) => toggled(current, m.id, on))}
              />
            ))}
            <Pager page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
    </>
  );
}

interface QueueItemProps {
  match: MatchSummary;
  onDone: (notice: string) => void;
  selectLabel: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
}

function QueueItem({ match, onDone, selectLabel, selected, onSelect }: QueueItemProps) {
  const { t } = useTranslation();
  const approve = useApproveMatch();
  const cancel = useCancelMatch();
  const [cancelling, setCancelling] = useState(false);
  return (
    <MatchSummaryCard match={match}>
      <Checkbox label={selectLabel} checked={selected} onChange={(event) => onSelect(event.currentTarget.checked)} />
      {approve.isError ? <ErrorAlert error={approve.error} /> : null}
      <Group>
        <Button
          color="teal.9"
          loading={approve.isPending}
          onClick={() => approve.mutate(match.id, { onSuccess: () => onDone(t("brokering.matches.approved")) })}
        >
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
