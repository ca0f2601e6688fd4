import type { Organization } from "@bridgework/domain";
import { Badge, Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";
import { useLabels } from "../../../lib/labels.ts";
import { useCurrentUser } from "../../../lib/session.ts";

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
  // An employer's name opens its relationship page (intermediaries and coordinators).
  const role = useCurrentUser().role;
  const showRelationship = role === "intermediary" || role === "coordinator";
  const columns: DataTableColumn<Organization>[] = [
    {
      id: "name",
      header: t("organizations.name"),
      rowHeader: true,
      sortValue: (org) => org.name,
      cell: (org) =>
        org.type === "employer" && showRelationship ? (
          <AnchorLink to="/employers/$employerId" params={{ employerId: org.id }}>
            {org.name}
          </AnchorLink>
        ) : (
          org.name
        ),
    },
    {
      id: "type",
      header: t("organizations.type"),
      sortValue: (org) => t(`organizations.types.${org.type}`),
      cell: (org) => t(`organizations.types.${org.type}`),
    },
    {
      id: "city",
      header: t("organizations.city"),
      sortValue: (org) => org.address.city,
      cell: (org) => org.address.city ?? "—",
    },
    {
      id: "sectors",
      header: t("organizations.sectors"),
      cell: (org) => (
        <Group gap={4}>
          {org.sectors.length === 0
            ? "—"
            : org.sectors.map((sector) => (
                <Badge key={sector} variant="outline" color="gray.8" radius="sm" tt="none" fw={500}>
                  {labels.sector(sector)}
                </Badge>
              ))}
        </Group>
      ),
    },
    {
      id: "localCode",
      header: t("schoolCodes.localCode"),
      sortValue: (org) => (org.type === "school" ? org.localCode : null),
      cell: (org) => (org.type === "school" ? (org.localCode ?? "—") : ""),
    },
  ];
  if (onEdit) {
    columns.push({
      id: "actions",
      header: t("schoolCodes.actions"),
      headerHidden: true,
      cell: (org) => (
        <>
          {org.type === "school" ? (
            <Button
              size="xs"
              variant="default"
              aria-label={t("schoolCodes.editLabel", { name: org.name })}
              onClick={() => onEdit(org)}
            >
              {t("schoolCodes.edit")}
            </Button>
          ) : null}
          {org.type === "district" && onErase ? (
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              aria-label={t("erase.district.buttonLabel", { name: org.name })}
              onClick={() => onErase(org)}
            >
              {t("erase.district.button")}
            </Button>
          ) : null}
        </>
      ),
    });
  }
  return (
    <DataTable
      caption={t("organizations.caption")}
      columns={columns}
      data={items}
      rowKey={(org) => org.id}
      empty={t("organizations.empty")}
      minWidth={640}
    />
  );
}
