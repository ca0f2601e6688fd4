import type { VolunteerSignUpResult } from "@bridgework/domain";
import { Alert, Badge, Button, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { AnchorLink } from "../../../components/brokering/anchor-link.tsx";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { usePublicEvent, useSignUpVolunteer } from "../api/public-events.ts";
import { formatShift } from "../components/shift-time.ts";
import { SignUpForm } from "../components/sign-up-form.tsx";

const route = getRouteApi("/r/$slug/events/$eventId");

interface Done {
  result: VolunteerSignUpResult;
  role: string;
  email: string;
}

/** One open event's public page: what it is, its shifts, and the sign-up form; then what happened. */
export function VolunteerSignUpPage() {
  const { t, i18n } = useTranslation();
  const { slug, eventId } = route.useParams();
  const event = usePublicEvent(slug, eventId);
  const signUp = useSignUpVolunteer(slug, eventId);
  const [done, setDone] = useState<Done | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  usePageTitle(event.data?.title ?? t("eventSignup.form.title"));

  // The form goes away: focus moves to what says what happened.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const allEvents = (
    <AnchorLink to="/r/$slug/events" params={{ slug }} size="sm">
      {t("eventSignup.allEvents", { region: event.data?.region.name ?? slug })}
    </AnchorLink>
  );

  return (
    <Center>
      <Paper withBorder radius="md" p={{ base: "sm", sm: "xl" }} w="100%" maw={760}>
        {event.isPending ? (
          <Loader aria-label={t("app.loading")} />
        ) : event.error instanceof ApiError && event.error.status === 404 ? (
          <Stack>
            <Alert color="yellow" variant="light">
              {t("eventSignup.notFound")}
            </Alert>
            {allEvents}
          </Stack>
        ) : event.error ? (
          <ErrorAlert error={event.error} onRetry={() => void event.refetch()} />
        ) : (
          <Stack gap="lg">
            {allEvents}
            <div>
              <Badge variant="light">{t(`events.kinds.${event.data.kind}`)}</Badge>
              <Title order={1} size="h2" mt="xs">
                {event.data.title}
              </Title>
              <Text mt={4}>
                {t("eventSignup.when")}:{" "}
                {formatShift(event.data.startsAt, event.data.endsAt, i18n.language, event.data.region.timeZone)}
              </Text>
              <Text>
                {t("eventSignup.where")}: {event.data.location ?? event.data.virtualUrl ?? "—"}
              </Text>
              {event.data.description ? (
                <Text c="dimmed" mt="xs" style={{ whiteSpace: "pre-line" }}>
                  {event.data.description}
                </Text>
              ) : null}
            </div>
            {done ? (
              <Alert
                ref={doneRef}
                tabIndex={-1}
                role="status"
                variant="light"
                color={done.result.status === "confirmed" ? "green" : "yellow"}
                title={
                  done.result.status === "confirmed"
                    ? t("eventSignup.done.confirmedTitle")
                    : t("eventSignup.done.waitlistedTitle")
                }
              >
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">
                    {done.result.status === "confirmed"
                      ? t("eventSignup.done.confirmed", { role: done.role, email: done.email })
                      : t("eventSignup.done.waitlisted", {
                          role: done.role,
                          email: done.email,
                          position: done.result.position ?? 1,
                        })}
                  </Text>
                  <Button variant="default" size="sm" onClick={() => setDone(null)}>
                    {t("eventSignup.done.another")}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <section aria-labelledby="event-signup-form">
                <Title order={2} size="h3" id="event-signup-form" mb="sm">
                  {t("eventSignup.form.title")}
                </Title>
                <SignUpForm
                  key={event.dataUpdatedAt}
                  event={event.data}
                  onSubmit={async (input) => {
                    const result = await signUp.mutateAsync(input);
                    const role = event.data.roles.find((r) => r.id === input.roleId)?.name ?? "";
                    setDone({ result, role, email: input.email });
                  }}
                />
              </section>
            )}
          </Stack>
        )}
      </Paper>
    </Center>
  );
}
