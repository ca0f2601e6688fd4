import type { VolunteerSchedule } from "@bridgework/domain";
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PublicPage } from "../../../components/ui/public-page.tsx";
import { usePageTitle } from "../../../hooks/use-page-title.ts";
import { ApiError } from "../../../lib/api-error.ts";
import { type SaveState, useScoreSaver } from "../api/score-saver.ts";
import { useVolunteerSchedule } from "../api/volunteer-link.ts";
import { RubricForm } from "../components/rubric-form.tsx";
import { formatTime } from "../components/time.ts";
import { stationLabel } from "../components/station.ts";

const route = getRouteApi("/volunteer/$token");

/** An interviewer's or judge's own link (no account): their shift, station, interviews in time order, and the rubric. */
export function VolunteerSchedulePage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const schedule = useVolunteerSchedule(token);
  usePageTitle(t("eventDay.volunteer.title"));
  const gone = schedule.error instanceof ApiError && [404, 410].includes(schedule.error.status);
  return (
    <PublicPage label={t("eventDay.volunteer.pageLabel")}>
      {schedule.isPending ? (
        <Loader aria-label={t("app.loading")} />
      ) : gone ? (
        <Stack>
          <Title order={1} size="h2">
            {t("eventDay.volunteer.title")}
          </Title>
          <Alert color="yellow" variant="light">
            {(schedule.error as ApiError).status === 410
              ? t("eventDay.volunteer.unavailable")
              : t("eventDay.volunteer.notFound")}
          </Alert>
        </Stack>
      ) : schedule.isError ? (
        <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : (
        <Schedule token={token} data={schedule.data} />
      )}
    </PublicPage>
  );
}

function Schedule({ token, data }: { token: string; data: VolunteerSchedule }) {
  const { t, i18n } = useTranslation();
  const zone = data.event.timeZone;
  const time = (iso: string) => formatTime(iso, i18n.language, zone);
  const saver = useScoreSaver(token);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {data.event.title}
        </Title>
        <Text mt={4}>{t("eventDay.volunteer.intro", { name: data.volunteer.name })}</Text>
      </div>
      <Stack gap={4}>
        <Text>
          {t("eventDay.volunteer.shift", {
            role: data.role.name,
            range: `${time(data.role.startsAt)} – ${time(data.role.endsAt)}`,
          })}
        </Text>
        <Text fw={700}>
          {data.volunteer.station
            ? t("eventDay.volunteer.station", { station: stationLabel(t, data.volunteer.station) })
            : t("eventDay.volunteer.noStation")}
        </Text>
        {data.event.location ? (
          <Text>{t("eventDay.volunteer.location", { location: data.event.location })}</Text>
        ) : null}
        {data.role.bring ? <Text>{t("eventDay.volunteer.bring", { bring: data.role.bring })}</Text> : null}
      </Stack>
      {!data.canScore ? (
        <Alert color="yellow" variant="light">
          {t("eventDay.volunteer.scoringClosed")}
        </Alert>
      ) : null}
      <section aria-labelledby="interviews-heading">
        <Title order={2} size="h3" id="interviews-heading" mb="sm">
          {t("eventDay.volunteer.interviews")}
        </Title>
        {data.interviews.length === 0 ? (
          <Text c="dimmed">{t("eventDay.volunteer.none")}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {data.interviews.map((i) => {
              const isOpen = open === i.id;
              const value = saver.value(i.id, i.score);
              const panel = `rubric-${i.id}`;
              return (
                <Card key={i.id} withBorder padding="sm" component="li">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <div>
                      <Text fw={700}>
                        {time(i.startsAt)} – {time(i.endsAt)}
                      </Text>
                      <Text>
                        {i.studentName}, {i.schoolName}
                      </Text>
                    </div>
                    <SaveStatus name={i.studentName} state={saver.state(i.id, i.score)} />
                  </Group>
                  {data.rubric ? (
                    <Button
                      mt="xs"
                      variant={isOpen ? "default" : "light"}
                      aria-expanded={isOpen}
                      aria-controls={panel}
                      onClick={() => setOpen(isOpen ? null : i.id)}
                    >
                      {isOpen
                        ? t("eventDay.volunteer.closeButton", { name: i.studentName })
                        : t("eventDay.volunteer.scoreButton", { name: i.studentName })}
                    </Button>
                  ) : null}
                  {isOpen && data.rubric ? (
                    <section
                      id={panel}
                      aria-label={t("eventDay.volunteer.rubricFor", { name: i.studentName, time: time(i.startsAt) })}
                    >
                      <Stack mt="sm">
                        <RubricForm
                          id={i.id}
                          rubric={data.rubric}
                          value={value}
                          disabled={!data.canScore}
                          onChange={(next, now) => saver.edit(i.id, next, now)}
                          onSave={() => saver.edit(i.id, value, true)}
                        />
                      </Stack>
                    </section>
                  ) : null}
                </Card>
              );
            })}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

/** "Saved ✓ / Saving… / Offline — will retry", read out politely as it changes. */
function SaveStatus({ name, state }: { name: string; state: SaveState | undefined }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (state?.kind) {
      case "saved":
        return t("eventDay.volunteer.status.saved");
      case "saving":
        return t("eventDay.volunteer.status.saving");
      case "offline":
        return t("eventDay.volunteer.status.offline");
      case "unsaved":
        return t("eventDay.volunteer.status.notSaved");
      case "failed":
        return t("eventDay.volunteer.status.failed", { message: state.message });
      default:
        return "";
    }
  })();
  const color =
    state?.kind === "saved"
      ? "green"
      : state?.kind === "failed"
        ? "red"
        : state?.kind === "offline"
          ? "orange"
          : "gray";
  return (
    <div role="status" aria-live="polite" aria-label={t("eventDay.volunteer.statusLabel", { name })}>
      {text ? (
        <Badge color={color} variant="light" tt="none">
          {text}
        </Badge>
      ) : null}
    </div>
  );
}
