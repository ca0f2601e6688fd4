import type { MatchSummary } from "@bridgework/domain";
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { formatDate, formatDateTime, formatRange } from "../../../lib/format.ts";
import { MatchFlags } from "./match-flags.tsx";
import { useLabels } from "../../../lib/labels.ts";

/** One ask as a card: who asks whom for what (the teacher's window, grades, students, format and notes), its flags, and the actions the page offers. */
export function MatchSummaryCard({ match: m, children }: { match: MatchSummary; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const titleId = useId();
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder radius="md" p="md" className="match-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5" id={titleId}>
              <AnchorLink to="/matches/$matchId" params={{ matchId: m.id }}>
                {m.opportunityTitle}
              </AnchorLink>
            </Title>
            <Text size="sm" c="dimmed">
              {m.employerName} · {labels.kind(m.kind)}
            </Text>
          </div>
          <StatusBadge scope="matchStatus" status={m.status} />
        </Group>
        <dl className="facts">
          <div>
            <dt>{t("brokering.matches.school")}</dt>
            <dd>{m.schoolName}</dd>
          </div>
          <div>
            <dt>{t("brokering.matches.requestedBy")}</dt>
            <dd>{m.requestedByName}</dd>
          </div>
          <div>
            <dt>{t("asks.card.window")}</dt>
            <dd>{formatRange(m.request.windowStart, m.request.windowEnd, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t("asks.card.grades")}</dt>
            <dd>{m.request.gradeLevels.join(", ")}</dd>
          </div>
          <div>
            <dt>{t("asks.card.students")}</dt>
            <dd>{m.request.students}</dd>
          </div>
          <div>
            <dt>{t("asks.card.format")}</dt>
            <dd>{labels.modality(m.request.modality)}</dd>
          </div>
          <div>
            <dt>{t("brokering.matches.seats")}</dt>
            <dd>{m.seats}</dd>
          </div>
          <div>
            <dt>{t("brokering.matches.created")}</dt>
            <dd>{formatDate(m.createdAt, i18n.language)}</dd>
          </div>
          {m.scheduledAt ? (
            <div>
              <dt>{t("brokering.matches.scheduledAt")}</dt>
              <dd>{formatDateTime(m.scheduledAt, i18n.language)}</dd>
            </div>
          ) : null}
        </dl>
        {m.request.notes ? (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            <strong>{t("asks.card.notes")}:</strong> {m.request.notes}
          </Text>
        ) : null}
        {m.note ? (
          <Text size="sm">
            <strong>{t("brokering.matches.note")}:</strong> {m.note}
          </Text>
        ) : null}
        <MatchFlags duplicateAsk={m.duplicateAsk} askCapReached={m.askCapReached} />
        {children}
      </Stack>
    </Paper>
  );
}
