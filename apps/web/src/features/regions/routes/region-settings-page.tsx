import { Paper, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { useRegion } from "../api/region.ts";
import { RetentionForm } from "../components/retention-form.tsx";
import { TimeZoneForm } from "../components/time-zone-form.tsx";
import { GetInvolvedLink } from "../components/get-involved-link.tsx";

/** Region settings (intermediaries): the time zone every time in the app, emails, PDFs and exports is shown in; how long students are kept. */
export function RegionSettingsPage() {
  const { t } = useTranslation();
  const region = useRegion();
  return (
    <>
      <PageHeader title={t("regionSettings.title")} intro={t("regionSettings.intro")} />
      {region.isPending ? (
        <PageLoader />
      ) : region.isError ? (
        <ErrorAlert error={region.error} onRetry={() => void region.refetch()} />
      ) : (
        <Stack gap="lg" maw={640}>
          <Paper withBorder radius="md" p="lg">
            <TimeZoneForm region={region.data} />
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <RetentionForm region={region.data} />
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <GetInvolvedLink region={region.data} />
          </Paper>
        </Stack>
      )}
    </>
  );
}
