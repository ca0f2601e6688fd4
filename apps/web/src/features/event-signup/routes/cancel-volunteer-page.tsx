import { Alert, Button, Loader, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { useCancelVolunteer, useCancelView } from "../api/public-events.ts";
import { formatShift } from "../components/shift-time.ts";

const route = getRouteApi("/volunteer/cancel/$token");

/** The cancel link from a volunteer's email: it shows the place first and cancels only on the button (mail scanners open links). */
export function CancelVolunteerPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useParams();
  const view = useCancelView(token);
  const cancel = useCancelVolunteer(token);
  usePageTitle(t("eventSignup.cancel.title"));

  const v = cancel.data ?? view.data;
  return (
    <PublicPage label={t("eventSignup.cancel.title")}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("eventSignup.cancel.title")}
        </Title>
        {view.isPending ? (
          <Loader aria-label={t("app.loading")} />
        ) : view.error instanceof ApiError && view.error.status === 404 ? (
          <Alert color="yellow" variant="light">
            {t("eventSignup.cancel.notFound")}
          </Alert>
        ) : view.error ? (
          <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
        ) : v ? (
          <>
            <Text>
              {t(v.status === "waitlisted" ? "eventSignup.cancel.waitlistedIntro" : "eventSignup.cancel.intro", {
                name: v.name,
                role: v.role.name,
                event: v.event.title,
              })}
            </Text>
            <Text>
              {t("eventSignup.cancel.shift", {
                shift: formatShift(v.role.startsAt, v.role.endsAt, i18n.language, v.region.timeZone),
              })}
            </Text>
            {cancel.data ? (
              <Alert color="green" variant="light" role="status">
                {cancel.data.result === "cancelled" ? t("eventSignup.cancel.done") : t("eventSignup.cancel.already")}
              </Alert>
            ) : v.status === "cancelled" ? (
              <Alert color="gray" variant="light" role="status">
                {t("eventSignup.cancel.already")}
              </Alert>
            ) : (
              <>
                {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
                <Button
                  color="red.8"
                  loading={cancel.isPending}
                  onClick={() => cancel.mutate()}
                  style={{ alignSelf: "flex-start" }}
                >
                  {cancel.isPending ? t("eventSignup.cancel.cancelling") : t("eventSignup.cancel.confirm")}
                </Button>
              </>
            )}
          </>
        ) : null}
      </Stack>
    </PublicPage>
  );
}
