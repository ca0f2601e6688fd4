import type { Event, ScheduleBuilt } from "@bridgework/domain";
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useBuildSchedule } from "../api/schedule.ts";

/** "Build schedule" and what it did: totals, and every student short of interviews with the reason in plain words. */
export function BuildPanel({
  event,
  result,
  onBuilt,
}: {
  event: Event;
  result: ScheduleBuilt | null;
  onBuilt: (r: ScheduleBuilt) => void;
}) {
  const { t, i18n } = useTranslation();
  const build = useBuildSchedule(event.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="build-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="build-heading">
          {t("eventSchedule.build.heading")}
        </Title>
        <Text size="sm" c="dimmed">
          {event.scheduleBuiltAt
            ? t("eventSchedule.build.builtAt", { when: formatDateTime(event.scheduleBuiltAt, i18n.language) })
            : t("eventSchedule.build.never")}{" "}
          {event.scheduleBuiltAt ? t("eventSchedule.build.rebuildHint") : null}
        </Text>
        {build.isError ? <ErrorAlert error={build.error} /> : null}
        <Group>
          <Button onClick={() => build.mutate(undefined, { onSuccess: onBuilt })} loading={build.isPending}>
            {event.scheduleBuiltAt ? t("eventSchedule.build.rebuild") : t("eventSchedule.build.button")}
          </Button>
        </Group>
        {result ? (
          <Alert color={result.short.length === 0 ? "green" : "yellow"} variant="light">
            <Stack gap="xs">
              <Text>
                {t("eventSchedule.build.result", {
                  interviews: result.interviews,
                  students: result.students,
                  fullyScheduled: result.fullyScheduled,
                  per: result.interviewsPerStudent,
                  interviewers: result.interviewers,
                })}
              </Text>
              {result.short.length === 0 ? (
                <Text>{t("eventSchedule.build.allScheduled")}</Text>
              ) : (
                <>
                  <Title order={3} size="h5">
                    {t("eventSchedule.build.shortHeading")}
                  </Title>
                  <List size="sm">
                    {result.short.map((s) => (
                      <List.Item key={s.eventStudentId}>
                        {t(`eventSchedule.build.shortReason.${s.reason}`, {
                          name: s.studentName,
                          school: s.schoolName,
                          missing: s.missing,
                        })}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
