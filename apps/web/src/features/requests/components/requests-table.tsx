import type { RequestListItem } from "@bridgework/domain";
import { List, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { formatRange } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { askState } from "./ask-state.ts";

/** Requests with where each of their asks stands (and when a visit is scheduled). */
export function RequestsTable({ items }: { items: RequestListItem[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  if (items.length === 0) return <Text c="dimmed">{t("brokering.requests.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{t("brokering.requests.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("brokering.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("brokering.requests.school")}</Table.Th>
            <Table.Th scope="col">{t("brokering.requests.students")}</Table.Th>
            <Table.Th scope="col">{t("brokering.requests.window")}</Table.Th>
            <Table.Th scope="col">{t("brokering.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("asks.requests.asks")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={600}>
                <AnchorLink to="/requests/$requestId" params={{ requestId: r.id }}>
                  {labels.kind(r.kind)}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {r.pathwayName ?? labels.sector(r.sector)}
                </Text>
              </Table.Th>
              <Table.Td>{r.schoolName}</Table.Td>
              <Table.Td>{r.students}</Table.Td>
              <Table.Td>{formatRange(r.windowStart, r.windowEnd, i18n.language)}</Table.Td>
              <Table.Td>
                <StatusBadge scope="requestStatus" status={r.status} />
              </Table.Td>
              <Table.Td>
                {r.asks.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t("asks.requests.noAsks")}
                  </Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none">
                    {r.asks.map((a) => (
                      <List.Item key={a.matchId}>{askState(t, i18n.language, a)}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
