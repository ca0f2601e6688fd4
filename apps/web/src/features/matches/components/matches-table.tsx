import type { MatchSummary } from "@bridgework/domain";
import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

export function MatchesTable({ items }: { items: MatchSummary[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  if (items.length === 0) return <Text c="dimmed">{t("brokering.matches.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{t("brokering.matches.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("brokering.matches.opportunity")}</Table.Th>
            <Table.Th scope="col">{t("brokering.matches.school")}</Table.Th>
            <Table.Th scope="col">{t("brokering.matches.seats")}</Table.Th>
            <Table.Th scope="col">{t("brokering.matches.status")}</Table.Th>
            <Table.Th scope="col">{t("brokering.matches.when")}</Table.Th>
            <Table.Th scope="col">{t("brokering.matches.flags")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={600}>
                <AnchorLink to="/matches/$matchId" params={{ matchId: m.id }}>
                  {m.opportunityTitle}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {m.employerName} · {labels.kind(m.kind)}
                </Text>
              </Table.Th>
              <Table.Td>
                {m.schoolName}
                <Text size="xs" c="dimmed">
                  {m.requestedByName}
                </Text>
              </Table.Td>
              <Table.Td>{m.seats}</Table.Td>
              <Table.Td>
                <StatusBadge scope="matchStatus" status={m.status} />
              </Table.Td>
              <Table.Td>{m.scheduledAt ? formatDateTime(m.scheduledAt, i18n.language) : formatDate(m.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {m.duplicateAsk ? (
                    <Badge variant="outline" color="#a14400" radius="sm" tt="none">
                      {t("brokering.matches.duplicateAsk")}
                    </Badge>
                  ) : null}
                  {m.askCapReached && (m.status === "proposed" || m.status === "approved") ? (
                    <Badge variant="outline" color="red.9" radius="sm" tt="none">
                      {t("brokering.matches.askCap")}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
