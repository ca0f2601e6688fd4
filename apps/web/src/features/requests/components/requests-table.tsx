import type { RequestListItem } from "@bridgework/domain";
import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { formatRange } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { askState } from "./ask-state.ts";

/** Requests with where each of their asks stands (and when a visit is scheduled). */
export function RequestsTable({ items }: { items: RequestListItem[] }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const columns: DataTableColumn<RequestListItem>[] = [
    {
      id: "kind",
      header: t("brokering.fields.kind"),
      rowHeader: true,
      sortValue: (r) => labels.kind(r.kind),
      cell: (r) => (
        <>
          <AnchorLink to="/requests/$requestId" params={{ requestId: r.id }}>
            {labels.kind(r.kind)}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {r.pathwayName ?? labels.sector(r.sector)}
          </Text>
        </>
      ),
    },
    { id: "school", header: t("brokering.requests.school"), sortValue: (r) => r.schoolName, cell: (r) => r.schoolName },
    { id: "students", header: t("brokering.requests.students"), sortValue: (r) => r.students, cell: (r) => r.students },
    {
      id: "window",
      header: t("brokering.requests.window"),
      sortValue: (r) => r.windowStart ?? r.windowEnd,
      cell: (r) => formatRange(r.windowStart, r.windowEnd, i18n.language),
    },
    {
      id: "status",
      header: t("brokering.fields.status"),
      sortValue: (r) => t(`brokering.requestStatus.${r.status}`),
      cell: (r) => <StatusBadge scope="requestStatus" status={r.status} />,
    },
    {
      id: "asks",
      header: t("asks.requests.asks"),
      cell: (r) =>
        r.asks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("asks.requests.noAsks")}
          </Text>
        ) : (
          <List size="sm" spacing={2} listStyleType="none">
            {r.asks.map((a) => (
              <List.Item key={a.matchId}>{askState(t, i18n.language, a)}</List.Item>
            ))}
          </List>
        ),
    },
  ];
  return (
    <DataTable
      caption={t("brokering.requests.caption")}
      columns={columns}
      data={items}
      rowKey={(r) => r.id}
      empty={t("brokering.requests.empty")}
      minWidth={900}
    />
  );
}
