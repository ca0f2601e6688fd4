import { MATCH_MACHINE, nextState } from "@bridgework/domain";
import { Alert, Button, Group, Paper, Stack, Title } from "@mantine/core";
import { getRouteApi, useLocation } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDateTime, formatRange } from "../../../lib/format.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useMatch } from "../api/get-match.ts";
import { useAcceptMatch, useApproveMatch, useCancelMatch, useDeclineMatch } from "../api/match-actions.ts";
import { AcceptForm } from "../components/accept-form.tsx";
import { MatchFlags } from "../components/match-flags.tsx";
import { MatchFeedbackSection } from "../components/match-feedback.tsx";
import { MatchHistory } from "../components/match-history.tsx";
import { ReasonDialog } from "../components/reason-dialog.tsx";
import { useLabels } from "../../../lib/labels.ts";

const route = getRouteApi("/_app/matches/$matchId");

/** One match: both sides, its flags, its history, and the next step the viewer's role may take. */
export function MatchPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { matchId } = route.useParams();
  const user = useCurrentUser();
  const match = useMatch(matchId);
  const approve = useApproveMatch();
  const accept = useAcceptMatch();
  const decline = useDeclineMatch();
  const cancel = useCancelMatch();
  const [dialog, setDialog] = useState<"decline" | "cancel" | null>(null);
  // The "How did it go?" email links to #feedback: once the match is shown, bring that section
  // into view and put focus on its heading, so the form is the next thing read and tabbed to.
  const hash = useLocation({ select: (l) => l.hash.replace(/^#/, "") });
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const loaded = match.isSuccess;
  useEffect(() => {
    if (!loaded || hash !== "feedback" || !feedbackHeading.current) return;
    feedbackHeading.current.scrollIntoView({ block: "start" });
    feedbackHeading.current.focus({ preventScroll: true });
  }, [loaded, hash]);

  if (match.isPending) return <PageLoader />;
  if (match.isError) return <ErrorAlert error={match.error} onRetry={() => void match.refetch()} />;
  const m = match.data;
  const broker = user.role === "coordinator" || user.role === "intermediary";
  const answersForEmployer = user.role === "employer" || user.role === "intermediary";
  const can = (action: "approve" | "accept" | "decline" | "cancel") =>
    nextState(MATCH_MACHINE, m.status, action) !== null;
  const facts: [string, string][] = [
    [t("brokering.matches.employer"), m.opportunity.employerName],
    [t("brokering.matches.school"), m.request.schoolName],
    [t("brokering.matches.requestedBy"), m.request.requestedBy.name],
    [t("brokering.fields.kind"), labels.kind(m.opportunity.kind)],
    [t("brokering.matches.seats"), String(m.seats)],
    [t("brokering.requests.window"), formatRange(m.request.windowStart, m.request.windowEnd, i18n.language)],
    [t("brokering.matches.scheduledAt"), formatDateTime(m.scheduledAt, i18n.language)],
    ...(m.attendedStudents === null
      ? []
      : ([[t("rating.attended"), String(m.attendedStudents)]] as [string, string][])),
  ];

  return (
    <>
      <PageHeader
        title={t("brokering.matches.detailTitle", { title: m.opportunity.title })}
        intro={<StatusBadge scope="matchStatus" status={m.status} />}
        actions={
          <Group gap="md">
            <AnchorLink to="/opportunities/$opportunityId" params={{ opportunityId: m.opportunityId }} size="sm">
              {t("brokering.matches.opportunity")}
            </AnchorLink>
            {user.role !== "employer" ? (
              <AnchorLink to="/requests/$requestId" params={{ requestId: m.requestId }} size="sm">
                {t("brokering.matches.request")}
              </AnchorLink>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg" maw={960}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <dl className="facts">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            {m.note ? (
              <Alert variant="light" color="gray" title={t("brokering.matches.note")}>
                {m.note}
              </Alert>
            ) : null}
            <MatchFlags
              duplicateAsk={m.duplicateAsk}
              askCapReached={m.askCapReached && (m.status === "proposed" || m.status === "approved")}
            />
            {approve.isError ? <ErrorAlert error={approve.error} /> : null}
            {broker && can("approve") ? (
              <Group>
                <Button color="teal.9" loading={approve.isPending} onClick={() => approve.mutate(m.id)}>
                  {t("brokering.matches.approve")}
                </Button>
              </Group>
            ) : null}
            {answersForEmployer && m.status === "approved" ? (
              <AcceptForm
                label={t("brokering.matches.accept")}
                window={m.request}
                onAccept={(input) => accept.mutateAsync({ id: m.id, input })}
              />
            ) : null}
            <Group>
              {answersForEmployer && can("decline") ? (
                <Button variant="outline" color="red.9" onClick={() => setDialog("decline")}>
                  {t("brokering.matches.decline")}
                </Button>
              ) : null}
              {user.role !== "employer" && can("cancel") ? (
                <Button variant="outline" color="red.9" onClick={() => setDialog("cancel")}>
                  {t("brokering.matches.cancelMatch")}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
        <MatchFeedbackSection match={m} user={user} headingRef={feedbackHeading} />
        <section aria-labelledby="match-history">
          <Title order={2} size="h4" id="match-history" mb="sm">
            {t("brokering.matches.history")}
          </Title>
          <Paper withBorder radius="md" p="lg">
            <MatchHistory events={m.history} />
          </Paper>
        </section>
      </Stack>
      <ReasonDialog
        opened={dialog !== null}
        title={dialog === "decline" ? t("brokering.matches.declineTitle") : t("brokering.matches.cancelTitle")}
        onClose={() => setDialog(null)}
        onConfirm={(input) => (dialog === "decline" ? decline : cancel).mutateAsync({ id: m.id, input })}
      />
    </>
  );
}
