import type { Opportunity } from "@bridgework/domain";
import { Badge, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { formatRange } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";
import { useChangeOpportunityStatus } from "../api/change-opportunity-status.ts";

/** A draft is published in one click from the list (standing offers are drafts made for the employer). */
function PublishButton({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const change = useChangeOpportunityStatus(opportunity.id);
  return (
    <Button
      size="compact-sm"
      color="teal.9"
      loading={change.isPending}
      onClick={() => change.mutate("publish")}
      aria-label={t("vetting.publishOffer", { title: opportunity.title })}
    >
      {t("vetting.publish")}
    </Button>
  );
}

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
          {o.standingOfferOf ? (
            <Badge size="sm" variant="filled" color="grape.9">
              {t("vetting.standingOffer")}
            </Badge>
          ) : null}
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
      cell: (o) => (
        <Group gap="xs" wrap="wrap">
          <StatusBadge scope="opportunityStatus" status={o.status} />
          {o.status === "draft" ? <PublishButton opportunity={o} /> : null}
        </Group>
      ),
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
