import type { Organization } from "@bridgework/domain";
import { Badge, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLabels } from "../../../lib/labels.ts";

/** `onEdit` (intermediaries) adds an Edit button to each school; `onErase` (intermediaries) an "Erase student data" button to each district. */
export function OrganizationsTable({
  items,
  onEdit,
  onErase,
}: {
  items: Organization[];
  onEdit?: ((org: Organization) => void) | undefined;
  onErase?: ((district: Organization) => void) | undefined;
}) {
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
            <Table.Th scope="col">{t("schoolCodes.localCode")}</Table.Th>
            {onEdit ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t("schoolCodes.actions")}</VisuallyHidden>
              </Table.Th>
            ) : null}
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
              <Table.Td>{org.type === "school" ? (org.localCode ?? "—") : ""}</Table.Td>
              {onEdit ? (
                <Table.Td>
                  {org.type === "school" ? (
                    <Button size="xs" variant="default" aria-label={t("schoolCodes.editLabel", { name: org.name })} onClick={() => onEdit(org)}>
                      {t("schoolCodes.edit")}
                    </Button>
                  ) : null}
                  {org.type === "district" && onErase ? (
                    <Button size="xs" variant="outline" color="red.9" aria-label={t("erase.district.buttonLabel", { name: org.name })} onClick={() => onErase(org)}>
                      {t("erase.district.button")}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
