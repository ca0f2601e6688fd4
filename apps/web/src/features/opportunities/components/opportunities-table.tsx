import type { Opportunity } from "@bridgework/domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { StatusBadge } from "../../../components/brokering/status-badge.tsx";
import { formatRange } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

export function OpportunitiesTable({ items, showEmployer }: { items: Opportunity[]; showEmployer: boolean }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  if (items.length === 0) return <Text c="dimmed">{t("brokering.opportunities.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{t("brokering.opportunities.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("brokering.opportunities.name")}</Table.Th>
            {showEmployer ? <Table.Th scope="col">{t("brokering.opportunities.employer")}</Table.Th> : null}
            <Table.Th scope="col">{t("brokering.fields.kind")}</Table.Th>
            <Table.Th scope="col">{t("brokering.opportunities.dates")}</Table.Th>
            <Table.Th scope="col">{t("brokering.fields.status")}</Table.Th>
            <Table.Th scope="col">{t("brokering.opportunities.seats")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={600}>
                <AnchorLink to="/opportunities/$opportunityId" params={{ opportunityId: o.id }}>
                  {o.title}
                </AnchorLink>
                <Text size="xs" c="dimmed">
                  {labels.sector(o.sector)} · {labels.modality(o.modality)}
                </Text>
              </Table.Th>
              {showEmployer ? <Table.Td>{o.employerName}</Table.Td> : null}
              <Table.Td>{labels.kind(o.kind)}</Table.Td>
              <Table.Td>{formatRange(o.startsAt, o.endsAt, i18n.language)}</Table.Td>
              <Table.Td>
                <StatusBadge scope="opportunityStatus" status={o.status} />
              </Table.Td>
              <Table.Td>{t("brokering.opportunities.seatsOf", { left: o.seatsLeft, capacity: o.capacity })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
