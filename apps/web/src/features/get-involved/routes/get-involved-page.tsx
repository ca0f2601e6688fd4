import { INTEREST_CONFIRM_TTL_DAYS } from "@bridgework/domain";
import { Alert, Anchor, Button, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { usePublicRegion } from "../api/public-regions.ts";
import { useSubmitInterest } from "../api/submit-interest.ts";
import { InterestForm } from "../components/interest-form.tsx";

const route = getRouteApi("/r/$slug/get-involved");

/** A region's public "Get involved" page: no login; the offer counts once the emailed link is followed. */
export function GetInvolvedPage() {
  const { t } = useTranslation();
  const { slug } = route.useParams();
  const region = usePublicRegion(slug);
  const submit = useSubmitInterest(slug);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const name = region.data?.name ?? "";
  usePageTitle(region.data ? t("getInvolved.title", { region: name }) : t("getInvolved.regions.title"));

  // The form goes away: focus moves to what says what happened next.
  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  const unknown = region.error instanceof ApiError && region.error.status === 404;
  return (
    <Center>
      <Paper withBorder radius="md" p={{ base: "sm", sm: "xl" }} w="100%" maw={760}>
        {region.isPending ? (
          <Loader aria-label={t("app.loading")} />
        ) : unknown ? (
          <Stack>
            <Title order={1} size="h2">
              {t("getInvolved.regions.title")}
            </Title>
            <Alert color="yellow" variant="light">
              {t("getInvolved.notFound")}
            </Alert>
            <Anchor component={Link} to="/get-involved">
              {t("getInvolved.chooseRegion")}
            </Anchor>
          </Stack>
        ) : region.error ? (
          <ErrorAlert error={region.error} onRetry={() => void region.refetch()} />
        ) : (
          <Stack gap="lg">
            <div>
              <Title order={1} size="h2">
                {t("getInvolved.title", { region: name })}
              </Title>
              <Text c="dimmed" mt={4}>
                {t("getInvolved.intro", { region: name })}
              </Text>
              <AnchorLink to="/r/$slug/events" params={{ slug }} size="sm" mt={4} display="inline-block">
                {t("eventSignup.fromGetInvolved")}
              </AnchorLink>
            </div>
            {sentTo ? (
              <Alert
                ref={sentRef}
                tabIndex={-1}
                color="green"
                variant="light"
                role="status"
                title={t("getInvolved.sent.title")}
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {t("getInvolved.sent.body", { email: sentTo, days: INTEREST_CONFIRM_TTL_DAYS })}
                  </Text>
                  <Text size="sm">{t("getInvolved.sent.spam")}</Text>
                  <Button variant="default" size="sm" onClick={() => setSentTo(null)}>
                    {t("getInvolved.sent.again")}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <InterestForm
                onSubmit={async (input) => {
                  await submit.mutateAsync(input);
                  setSentTo(input.contact.email);
                }}
              />
            )}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
