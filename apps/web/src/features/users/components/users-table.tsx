import type { User } from "@bridgework/domain";
import { Badge, Button, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";

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
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover className="data-table" verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("users.name")}</Table.Th>
            <Table.Th scope="col">{t("users.email")}</Table.Th>
            <Table.Th scope="col">{t("users.role")}</Table.Th>
            <Table.Th scope="col">{t("users.organization")}</Table.Th>
            <Table.Th scope="col">{t("users.status")}</Table.Th>
            <Table.Th scope="col">{t("users.action")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={600}>
                {user.name}
              </Table.Th>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{organizationName(user.organizationId)}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color={STATUS_COLOR[user.status]} radius="sm">
                  {t(`users.statuses.${user.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {user.status === "invited" ? (
                  <Button size="compact-sm" variant="default" loading={resending === user.id} onClick={() => onResend(user)} aria-label={t("users.resendLabel", { name: user.name })}>
                    {t("users.resend")}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
