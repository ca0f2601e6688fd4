import type { MatchSummary } from "@bridgework/domain";
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { formatDate, formatRange } from "../../../lib/format.ts";
import { useRequest } from "../api/get-request.ts";
import { useRequestMatches } from "../api/get-request-matches.ts";
import { useSuggestions } from "../api/get-suggestions.ts";
import { SuggestionCard } from "../components/suggestion-card.tsx";
import { useLabels } from "../../../lib/labels.ts";
import { useState } from "react";
import { useCurrentUser } from "../../../lib/session.ts";
import { useCancelRequest } from "../api/cancel-request.ts";
import { askState } from "../components/ask-state.ts";
import { CancelRequestDialog } from "../components/cancel-request-dialog.tsx";

const route = getRouteApi("/_app/requests/$requestId");

/** A request, where each ask for it stands (and when it is scheduled), the opportunities that could serve it (bookable first), and cancelling it. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const { requestId } = route.useParams();
  const request = useRequest(requestId);
  const open = request.data?.status === "open" || request.data?.status === "matched";
  const suggestions = useSuggestions(requestId, open);
  const matches = useRequestMatches(requestId);
  const user = useCurrentUser();
  const cancel = useCancelRequest(requestId);
  const [cancelling, setCancelling] = useState(false);

  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  // The teacher who asked, or the district's coordinator / an intermediary (who see it only in their scope).
  const canCancel = open && (user.role !== "teacher" || r.requestedBy.id === user.id);
  const facts: [string, string][] = [
    [t("brokering.requests.school"), r.schoolName],
    [t("brokering.requests.pathway"), r.pathwayName ?? "—"],
    [t("brokering.fields.sector"), labels.sector(r.sector)],
    [t("brokering.requests.students"), String(r.students)],
    [t("brokering.requests.gradeLevels"), r.gradeLevels.join(", ")],
    [t("brokering.requests.window"), formatRange(r.windowStart, r.windowEnd, i18n.language)],
    [t("brokering.fields.modality"), labels.modality(r.modality)],
    [t("brokering.requests.requestedBy"), r.requestedBy.name],
    [t("brokering.requests.created"), formatDate(r.createdAt, i18n.language)],
  ];

  const matchColumns: DataTableColumn<MatchSummary>[] = [
    {
      id: "opportunity",
      header: t("brokering.matches.opportunity"),
      rowHeader: true,
      fw: 400,
      sortValue: (m) => m.opportunityTitle,
      cell: (m) => (
        <AnchorLink to="/matches/$matchId" params={{ matchId: m.id }}>
          {m.opportunityTitle}
        </AnchorLink>
      ),
    },
    {
      id: "employer",
      header: t("brokering.matches.employer"),
      sortValue: (m) => m.employerName,
      cell: (m) => m.employerName,
    },
    { id: "seats", header: t("brokering.matches.seats"), sortValue: (m) => m.seats, cell: (m) => m.seats },
    {
      id: "status",
      header: t("brokering.matches.status"),
      sortValue: (m) => t(`brokering.matchStatus.${m.status}`),
      cell: (m) => <StatusBadge scope="matchStatus" status={m.status} />,
    },
    { id: "where", header: t("asks.requests.where"), cell: (m) => askState(t, i18n.language, m) },
  ];

  return (
    <>
      <PageHeader
        title={`${labels.kind(r.kind)} · ${r.schoolName}`}
        intro={
          <Group component="span" gap="xs">
            <StatusBadge scope="requestStatus" status={r.status} />
            <span>{labels.level(r.level)}</span>
          </Group>
        }
        actions={
          <Group gap="md">
            <AnchorLink to="/requests" search={{ page: 1 }} size="sm">
              {t("brokering.back")}
            </AnchorLink>
            {canCancel ? (
              <Button variant="outline" color="red.9" size="sm" onClick={() => setCancelling(true)}>
                {t("asks.cancel.button")}
              </Button>
            ) : null}
          </Group>
        }
      />
      <CancelRequestDialog
        opened={cancelling}
        onClose={() => setCancelling(false)}
        onConfirm={(input) => cancel.mutateAsync(input)}
      />
      <Stack gap="lg" maw={960}>
        <div role="status" aria-live="polite">
          {cancel.isSuccess ? (
            <Alert color="green" variant="light">
              {t("asks.cancel.done")}
            </Alert>
          ) : null}
        </div>
        <Paper withBorder radius="md" p="lg">
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {r.notes ? (
            <Text mt="md" style={{ whiteSpace: "pre-wrap" }}>
              {r.notes}
            </Text>
          ) : null}
        </Paper>

        <section aria-labelledby="request-matches">
          <Title order={2} size="h4" id="request-matches" mb="sm">
            {t("brokering.requests.matches")}
          </Title>
          {matches.isError ? (
            <ErrorAlert error={matches.error} onRetry={() => void matches.refetch()} />
          ) : (
            <DataTable
              label={t("brokering.requests.matches")}
              columns={matchColumns}
              data={matches.data}
              rowKey={(m) => m.id}
              empty={t("brokering.requests.noMatches")}
              striped={false}
              highlightOnHover={false}
              withTableBorder
              minWidth={640}
            />
          )}
        </section>

        <section aria-labelledby="request-suggestions">
          <Title order={2} size="h4" id="request-suggestions">
            {t("brokering.requests.suggestions")}
          </Title>
          <Text c="dimmed" size="sm" mb="sm">
            {t("brokering.requests.suggestionsIntro")}
          </Text>
          {r.status === "matched" ? (
            <Alert variant="light" color="teal" mb="sm">
              {t("asks.requests.matched")}
            </Alert>
          ) : null}
          {!open ? (
            <Alert variant="light" color="gray">
              {t("brokering.requests.closed", { status: t(`brokering.requestStatus.${r.status}`) })}
            </Alert>
          ) : suggestions.isPending ? (
            <PageLoader />
          ) : suggestions.isError ? (
            <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />
          ) : suggestions.data.length === 0 ? (
            <Text c="dimmed">
              {r.status === "matched" ? t("asks.requests.noOtherSuggestions") : t("brokering.requests.noSuggestions")}
            </Text>
          ) : (
            <Stack gap="md">
              {suggestions.data.map((s) => (
                <SuggestionCard
                  key={s.opportunity.id}
                  requestId={r.id}
                  suggestion={s}
                  defaultSeats={r.students}
                  canPropose={open}
                />
              ))}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
