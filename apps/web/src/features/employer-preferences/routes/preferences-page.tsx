import { Paper, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { api } from "../../../lib/api-client.ts";
import { useCurrentUser } from "../../../lib/session.ts";
import { usePreferences } from "../api/preferences.ts";
import { PreferencesForm } from "../components/preferences-form.tsx";
import { ThankYouLetterActions } from "../components/thank-you-letter-actions.tsx";

/** `/preferences` (employers): how the region may ask them, and their end-of-year thank-you letter. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const preferences = usePreferences(user.organizationId);
  const organization = useQuery({
    queryKey: ["organizations", user.organizationId],
    queryFn: ({ signal }) => api<{ name: string }>(`/api/organizations/${user.organizationId}`, { signal }),
  });
  return (
    <>
      <PageHeader title={t("recognition.preferences.pageTitle")} intro={t("recognition.preferences.intro")} />
      {preferences.isPending ? (
        <PageLoader />
      ) : preferences.isError ? (
        <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <Stack gap="lg" maw={720}>
          <Paper withBorder radius="md" p="lg">
            <PreferencesForm preferences={preferences.data} />
          </Paper>
          <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="thank-you-letter-heading">
            <Title order={2} size="h4" id="thank-you-letter-heading" mb="sm">
              {t("recognition.letter.title")}
            </Title>
            <ThankYouLetterActions
              organizationId={user.organizationId}
              organizationName={organization.data?.name ?? "employer"}
            />
          </Paper>
        </Stack>
      )}
    </>
  );
}
