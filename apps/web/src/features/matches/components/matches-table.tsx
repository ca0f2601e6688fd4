import type { MatchSummary } from "@bridgework/domain";
import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

export function MatchesTable({ items }: { items: MatchSummary[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const columns: DataTableColumn<MatchSummary>[] = [
    {
      id: "opportunity",
      header: t("brokering.matches.opportunity"),
      rowHeader: true,
      sortValue: (m) => m.opportunityTitle,
      cell: (m) => (
        <>
          <AnchorLink to="/matches/$matchId" params={{ matchId: m.id }}>
            {m.opportunityTitle}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {m.employerName} · {labels.kind(m.kind)}
          </Text>
        </>
      ),
    },
    {
      id: "school",
      header: t("brokering.matches.school"),
      sortValue: (m) => m.schoolName,
      cell: (m) => (
        <>
          {m.schoolName}
          <Text size="xs" c="dimmed">
            {m.requestedByName}
          </Text>
        </>
      ),
    },
    { id: "seats", header: t("brokering.matches.seats"), sortValue: (m) => m.seats, cell: (m) => m.seats },
    {
      id: "status",
      header: t("brokering.matches.status"),
      sortValue: (m) => t(`brokering.matchStatus.${m.status}`),
      cell: (m) => <StatusBadge scope="matchStatus" status={m.status} />,
    },
    {
      id: "when",
      header: t("brokering.matches.when"),
      sortValue: (m) => m.scheduledAt ?? m.createdAt,
      cell: (m) =>
        m.scheduledAt ? formatDateTime(m.scheduledAt, i18n.language) : formatDate(m.createdAt, i18n.language),
    },
    {
      id: "flags",
      header: t("brokering.matches.flags"),
      cell: (m) => (
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
      ),
    },
  ];
  return (
    <DataTable
      caption={t("brokering.matches.caption")}
      columns={columns}
      data={items}
      rowKey={(m) => m.id}
      empty={t("brokering.matches.empty")}
      minWidth={860}
    />
  );
}
