import { Paper, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useOrganizationNames } from "../../../hooks/use-organization-names.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useUsers } from "../api/get-users.ts";
import { UsersTable } from "../components/users-table.tsx";

/** Intermediaries see the region, coordinators their district's staff, employers their colleagues. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const nameOf = useOrganizationNames();
  const title = me.role === "coordinator" ? t("nav.staff") : me.role === "employer" ? t("nav.team") : t("users.title");
  const intro = me.role === "coordinator" ? t("navHints.staff") : me.role === "employer" ? t("navHints.team") : t("users.intro");

  return (
    <>
      <PageHeader title={title} intro={intro} />
      <Paper withBorder radius="md" p="md">
        {users.isPending ? (
          <PageLoader />
        ) : users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <Text c="dimmed">{t("users.empty")}</Text>
        ) : (
          <>
            <UsersTable items={users.data.items} caption={title} organizationName={nameOf} />
            <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
