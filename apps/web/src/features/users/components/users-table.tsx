import type { User } from "@bridgework/domain";
import { Badge, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable, type DataTableColumn } from "../../../components/data-table.tsx";

const STATUS_COLOR = { active: "teal.9", invited: "bridge.8", disabled: "gray.7" } as const;

interface UsersTableProps {
  items: User[];
  caption: string;
  organizationName: (id: string) => string;
  /** Offered for people who have not set a password yet. */
  onResend: (user: User) => void;
  /** The user whose invitation is being resent. */
  resending?: string;
}

export function UsersTable({ items, caption, organizationName, onResend, resending }: UsersTableProps) {
  const { t } = useTranslation();
  const columns: DataTableColumn<User>[] = [
    { id: "name", header: t("users.name"), rowHeader: true, sortValue: (user) => user.name, cell: (user) => user.name },
    { id: "email", header: t("users.email"), sortValue: (user) => user.email, cell: (user) => user.email },
    {
      id: "role",
      header: t("users.role"),
      sortValue: (user) => t(`roles.${user.role}`),
      cell: (user) => t(`roles.${user.role}`),
    },
    {
      id: "organization",
      header: t("users.organization"),
      sortValue: (user) => organizationName(user.organizationId),
      cell: (user) => organizationName(user.organizationId),
    },
    {
      id: "status",
      header: t("users.status"),
      sortValue: (user) => t(`users.statuses.${user.status}`),
      cell: (user) => (
        <Badge variant="outline" color={STATUS_COLOR[user.status]} radius="sm">
          {t(`users.statuses.${user.status}`)}
        </Badge>
      ),
    },
    {
      id: "action",
      header: t("users.action"),
      cell: (user) =>
        user.status === "invited" ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={resending === user.id}
            onClick={() => onResend(user)}
            aria-label={t("users.resendLabel", { name: user.name })}
          >
            {t("users.resend")}
          </Button>
        ) : null,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={items}
      rowKey={(user) => user.id}
      empty={t("users.empty")}
      minWidth={720}
    />
  );
}
