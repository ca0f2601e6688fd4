import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "../../../components/layout/language-switcher.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useInvitation } from "../api/get-invitation.ts";
import { AcceptInvitationForm } from "../components/accept-invitation-form.tsx";

const route = getRouteApi("/invite/$token");

function LinkExpired() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t("invite.expiredTitle")} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t("invite.expiredBody")}</Text>
        <Button component={Link} to="/login" variant="default" size="xs">
          {t("invite.goToLogin")}
        </Button>
      </Stack>
    </Alert>
  );
}

/** The page an invitation email links to: who it is for, then a new password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const [expired, setExpired] = useState(false);
  usePageTitle(t("invite.title"));
  // 400: a malformed token; 410: used, expired or revoked. Either way the link is no good.
  const unusable =
    expired || (invitation.error instanceof ApiError && [400, 404, 410].includes(invitation.error.status));

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w="100%" maw={480}>
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={1} size="h2">
              {t("invite.title")}
            </Title>
            <LanguageSwitcher />
          </Group>
          {unusable ? (
            <LinkExpired />
          ) : invitation.isPending ? (
            <PageLoader />
          ) : invitation.isError ? (
            <ErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
          ) : (
            <>
              <div>
                <Text fw={600}>{t("invite.greeting", { name: invitation.data.name })}</Text>
                <Text>
                  {t("invite.invited", {
                    role: t(`roles.${invitation.data.role}`),
                    organization: invitation.data.organizationName,
                  })}
                </Text>
                <Text size="sm" c="dimmed" mt={4}>
                  {t("invite.email", { email: invitation.data.email })}
                </Text>
              </div>
              <AcceptInvitationForm
                token={token}
                invitation={invitation.data}
                onExpired={() => setExpired(true)}
                onAccepted={(email) => void navigate({ to: "/login", search: { email, welcome: true } })}
              />
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
