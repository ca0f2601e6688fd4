import { Alert, Button, Group, Paper, Text } from "@mantine/core";
import type { User } from "@bridgework/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { Pager } from "../../../components/ui/pager.tsx";
import { useOrganizationNames } from "../../../hooks/use-organization-names.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { useUsers } from "../api/get-users.ts";
import { useInviteUser, useResendInvitation } from "../api/user-actions.ts";
import { InviteForm } from "../components/invite-form.tsx";
import { UsersTable } from "../components/users-table.tsx";

/**
 * Intermediaries see the region, coordinators their district's staff, employers their
 * colleagues; each can invite whom they manage and resend an invitation not yet accepted.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const users = useUsers(page);
  const nameOf = useOrganizationNames();
  const invite = useInviteUser();
  const resend = useResendInvitation();
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const title = me.role === "coordinator" ? t("nav.staff") : me.role === "employer" ? t("nav.team") : t("users.title");
  const intro =
    me.role === "coordinator" ? t("navHints.staff") : me.role === "employer" ? t("navHints.team") : t("users.intro");

  const onResend = (user: User) => {
    setNotice(null);
    resend.mutate(user.id, { onSuccess: () => setNotice(t("users.resent", { email: user.email })) });
  };

  return (
    <>
      <PageHeader
        title={title}
        intro={intro}
        actions={
          inviting ? null : (
            <Group mt="sm">
              <Button onClick={() => setInviting(true)}>{t("users.invite")}</Button>
            </Group>
          )
        }
      />
      {notice ? (
        <Alert role="status" color="green" variant="light" mb="md">
          {notice}
        </Alert>
      ) : null}
      {resend.isError ? <ErrorAlert error={resend.error} title={t("users.resendFailed")} /> : null}
      {inviting ? (
        <Paper withBorder radius="md" p="lg" mb="lg" maw={900}>
          <InviteForm
            onSubmit={async (input) => {
              const created = await invite.mutateAsync(input);
              setInviting(false);
              setNotice(t("users.invited", { email: created.email }));
            }}
            onCancel={() => setInviting(false)}
          />
        </Paper>
      ) : null}
      <Paper withBorder radius="md" p="md">
        {users.isPending ? (
          <PageLoader />
        ) : users.isError ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <Text c="dimmed">{t("users.empty")}</Text>
        ) : (
          <>
            <UsersTable
              items={users.data.items}
              caption={title}
              organizationName={nameOf}
              onResend={onResend}
              resending={resend.isPending ? resend.variables : undefined}
            />
            <Pager page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onChange={setPage} />
          </>
        )}
      </Paper>
    </>
  );
}
