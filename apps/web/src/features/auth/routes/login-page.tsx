import { Alert, Anchor, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { useSession } from "../../../lib/session.ts";
import { LoginForm } from "../components/login-form.tsx";

const route = getRouteApi("/login");

/** Only same-app paths may be a redirect target, never another site. */
function safeRedirect(target: string | undefined): string {
  return target && target.startsWith("/") && !target.startsWith("//") ? target : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const current = useSession();
  usePageTitle(t("nav.login"));
  const target = safeRedirect(search.redirect);
  const authenticated = current.status === "authenticated";

  // Already logged in (or just now): on to where the visitor was going.
  useEffect(() => {
    if (authenticated) void navigate({ href: target, replace: true });
  }, [authenticated, target, navigate]);

  if (current.status !== "anonymous") return <PageLoader />;

  return (
    <Center py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="lg" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Title order={1} size="h2">
              {t("auth.title")}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t("auth.intro")}
            </Text>
          </div>
          {search.expired ? (
            <Alert color="yellow" variant="light" role="status">
              {t("auth.sessionExpired")}
            </Alert>
          ) : null}
          {search.welcome ? (
            <Alert color="green" variant="light" role="status">
              {t("auth.accountReady")}
            </Alert>
          ) : null}
          {search.reset ? (
            <Alert color="green" variant="light" role="status">
              {t("account.reset.done")}
            </Alert>
          ) : null}
          {search.signInError ? (
            <Alert color="red" variant="light" role="alert" title={t("signIn.login.refused.title")}>
              {t(`signIn.login.refused.${search.signInError}`)}
            </Alert>
          ) : null}
          <LoginForm defaultEmail={search.email} withProviders />
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t("account.forgotLink")}
          </Anchor>
          <Anchor component={Link} to="/get-involved" size="sm">
            {t("getInvolved.loginLink")}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
