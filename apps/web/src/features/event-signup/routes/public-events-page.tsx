import { Alert, Badge, Center, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { usePublicEvents } from "../api/public-events.ts";
import { formatShift } from "../components/shift-time.ts";

const route = getRouteApi("/r/$slug/events");

/** A region's events open for volunteers (public): each with its date, place and shifts' places left. */
export function PublicEventsPage() {
  const { t, i18n } = useTranslation();
  const { slug } = route.useParams();
  const list = usePublicEvents(slug);
  const region = list.data?.region;
  usePageTitle(region ? t("eventSignup.list.title", { region: region.name }) : t("eventSignup.list.caption"));

  return (
    <Center>
      <Paper withBorder radius="md" p={{ base: "sm", sm: "xl" }} w="100%" maw={760}>
        {list.isPending ? (
          <Loader aria-label={t("app.loading")} />
        ) : list.error instanceof ApiError && list.error.status === 404 ? (
          <Alert color="yellow" variant="light">
            {t("eventSignup.regionNotFound")}
          </Alert>
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Stack gap="lg">
            <div>
              <Title order={1} size="h2">
                {t("eventSignup.list.title", { region: region!.name })}
              </Title>
              <Text c="dimmed" mt={4}>
                {t("eventSignup.list.intro")}
              </Text>
            </div>
            {list.data.events.length === 0 ? (
              <Text>{t("eventSignup.list.empty")}</Text>
            ) : (
              <Stack
                component="ul"
                gap="md"
                p={0}
                m={0}
                style={{ listStyle: "none" }}
                aria-label={t("eventSignup.list.caption")}
              >
                {list.data.events.map((e) => (
                  <Paper component="li" key={e.id} withBorder p="md" radius="md">
                    <Stack gap={6}>
                      <Group gap="xs" wrap="wrap">
                        <Badge variant="light">{t(`events.kinds.${e.kind}`)}</Badge>
                      </Group>
                      <Title order={2} size="h4">
                        <AnchorLink to="/r/$slug/events/$eventId" params={{ slug, eventId: e.id }}>
                          {e.title}
                        </AnchorLink>
                      </Title>
                      <Text size="sm">
                        {t("eventSignup.when")}: {formatShift(e.startsAt, e.endsAt, i18n.language, region!.timeZone)}
                      </Text>
                      <Text size="sm">
                        {t("eventSignup.where")}: {e.location ?? (e.virtual ? t("eventSignup.list.online") : "—")}
                      </Text>
                      <Stack component="ul" gap={2} pl="md" m={0}>
                        {e.roles.map((r) => (
                          <Text component="li" size="sm" key={r.id}>
                            {r.name} · {formatShift(r.startsAt, r.endsAt, i18n.language, region!.timeZone)} ·{" "}
                            {r.remaining > 0 ? t("eventSignup.places", { count: r.remaining }) : t("eventSignup.full")}
                          </Text>
                        ))}
                      </Stack>
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
