import type { Opportunity } from "@bridgework/domain";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { formatRange } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

export function OpportunitiesTable({ items, showEmployer }: { items: Opportunity[]; showEmployer: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const columns: DataTableColumn<Opportunity>[] = [
    {
      id: "title",
      header: t("brokering.opportunities.name"),
      rowHeader: true,
      sortValue: (o) => o.title,
      cell: (o) => (
        <>
          <AnchorLink to="/opportunities/$opportunityId" params={{ opportunityId: o.id }}>
            {o.title}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {labels.sector(o.sector)} · {labels.modality(o.modality)}
          </Text>
        </>
      ),
    },
    ...(showEmployer
      ? [
          {
            id: "employer",
            header: t("brokering.opportunities.employer"),
            sortValue: (o: Opportunity) => o.employerName,
            cell: (o: Opportunity) => o.employerName,
          },
        ]
      : []),
    {
      id: "kind",
      header: t("brokering.fields.kind"),
      sortValue: (o) => labels.kind(o.kind),
      cell: (o) => labels.kind(o.kind),
    },
    {
      id: "dates",
      header: t("brokering.opportunities.dates"),
      sortValue: (o) => o.startsAt ?? o.endsAt,
      cell: (o) => formatRange(o.startsAt, o.endsAt, i18n.language),
    },
    {
      id: "status",
      header: t("brokering.fields.status"),
      sortValue: (o) => t(`brokering.opportunityStatus.${o.status}`),
      cell: (o) => <StatusBadge scope="opportunityStatus" status={o.status} />,
    },
    {
      id: "seats",
      header: t("brokering.opportunities.seats"),
      sortValue: (o) => o.seatsLeft,
      cell: (o) => t("brokering.opportunities.seatsOf", { left: o.seatsLeft, capacity: o.capacity }),
    },
  ];
  return (
    <DataTable
      caption={t("brokering.opportunities.caption")}
      columns={columns}
      data={items}
      rowKey={(o) => o.id}
      empty={t("brokering.opportunities.empty")}
      minWidth={760}
    />
  );
}
