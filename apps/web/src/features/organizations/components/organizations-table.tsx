import type { Organization } from "@bridgework/domain";
import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLabels } from "../../../lib/labels.ts";

export function OrganizationsTable({ items }: { items: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (items.length === 0) return <Text c="dimmed">{t("organizations.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{t("organizations.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("organizations.name")}</Table.Th>
            <Table.Th scope="col">{t("organizations.type")}</Table.Th>
            <Table.Th scope="col">{t("organizations.city")}</Table.Th>
            <Table.Th scope="col">{t("organizations.sectors")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((org) => (
            <Table.Tr key={org.id}>
              <Table.Th scope="row" fw={600}>
                {org.name}
              </Table.Th>
              <Table.Td>{t(`organizations.types.${org.type}`)}</Table.Td>
              <Table.Td>{org.address.city ?? "—"}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {org.sectors.length === 0
                    ? "—"
                    : org.sectors.map((sector) => (
                        <Badge key={sector} variant="outline" color="gray.8" radius="sm" tt="none" fw={500}>
                          {labels.sector(sector)}
                        </Badge>
                      ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
