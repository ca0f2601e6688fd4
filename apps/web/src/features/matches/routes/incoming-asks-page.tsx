import type { MatchSummary } from "@bridgework/domain";
import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useMatches } from "../api/get-matches.ts";
import { useAcceptMatch, useDeclineMatch } from "../api/match-actions.ts";
import { AcceptForm } from "../components/accept-form.tsx";
import { MatchesTable } from "../components/matches-table.tsx";
import { MatchSummaryCard } from "../components/match-summary-card.tsx";
import { ReasonDialog } from "../components/reason-dialog.tsx";

/** Employers: approved asks for their opportunities to answer, and what is already scheduled. */
export function IncomingAsksPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const asks = useMatches({ status: "approved", page: 1, pageSize: 100 });
  const scheduled = useMatches({ status: "scheduled", page: 1, pageSize: 100 });

  return (
    <>
      <PageHeader title={t("brokering.matches.asksTitle")} intro={t("brokering.matches.asksIntro")} />
      <Stack gap="md" maw={960}>
        <div role="status" aria-live="polite">
          {notice ? (
            <Alert color="green" variant="light">
              {notice}
            </Alert>
          ) : null}
        </div>
        {asks.isPending ? (
          <PageLoader />
        ) : asks.isError ? (
          <ErrorAlert error={asks.error} onRetry={() => void asks.refetch()} />
        ) : asks.data.items.length === 0 ? (
          <Text c="dimmed">{t("brokering.matches.asksEmpty")}</Text>
        ) : (
          asks.data.items.map((m) => <AskItem key={m.id} match={m} onDone={setNotice} />)
        )}
        <section aria-labelledby="scheduled-heading">
          <Title order={2} size="h4" id="scheduled-heading" mb="sm" mt="lg">
            {t("brokering.matches.scheduledTitle")}
          </Title>
          {scheduled.isPending ? (
            <PageLoader />
          ) : scheduled.isError ? (
            <ErrorAlert error={scheduled.error} onRetry={() => void scheduled.refetch()} />
          ) : scheduled.data.items.length === 0 ? (
            <Text c="dimmed">{t("brokering.matches.scheduledEmpty")}</Text>
          ) : (
            <MatchesTable items={scheduled.data.items} />
          )}
        </section>
      </Stack>
    </>
  );
}

function AskItem({ match, onDone }: { match: MatchSummary; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const accept = useAcceptMatch();
  const decline = useDeclineMatch();
  const [declining, setDeclining] = useState(false);
  return (
    <MatchSummaryCard match={match}>
      <AcceptForm
        label={`${t("brokering.matches.accept")}: ${match.opportunityTitle}`}
        window={match.request}
        onAccept={async (input) => {
          await accept.mutateAsync({ id: match.id, input });
          onDone(t("brokering.matches.accepted"));
        }}
      />
      <div>
        <Button variant="outline" color="red.9" onClick={() => setDeclining(true)}>
          {t("brokering.matches.decline")}
        </Button>
      </div>
      <ReasonDialog
        opened={declining}
        title={t("brokering.matches.declineTitle")}
        onClose={() => setDeclining(false)}
        onConfirm={(input) => decline.mutateAsync({ id: match.id, input })}
      />
    </MatchSummaryCard>
  );
}
