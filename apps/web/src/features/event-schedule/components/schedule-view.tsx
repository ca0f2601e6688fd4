import type { ScheduleGrouping, ScheduleSlot } from "@bridgework/domain";
import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { displayTimeZone } from "../../../lib/format.ts";
import { useSchedule } from "../api/schedule.ts";

/** The built schedule as stacked cards (one per student, interviewer or table): readable on a phone. */
export function ScheduleViewPanel({
  eventId,
  by,
  onBy,
}: {
  eventId: string;
  by: ScheduleGrouping;
  onBy: (by: ScheduleGrouping) => void;
}) {
  const { t, i18n } = useTranslation();
  const schedule = useSchedule(eventId, by);
  const time = new Intl.DateTimeFormat(i18n.language.startsWith("es") ? "es-US" : "en-US", {
    hour: "numeric",
    minute: "2-digit",
    timeZone: displayTimeZone(),
  });
  const table = (station: string | null) =>
    station ? t("eventSchedule.view.table", { station }) : t("eventSchedule.view.noTable");
  const line = (slot: ScheduleSlot) => {
    const when = `${time.format(new Date(slot.startsAt))}–${time.format(new Date(slot.endsAt))}`;
    if (by === "student") return `${when} · ${table(slot.station)} · ${slot.volunteerName} (${slot.employerName})`;
    if (by === "volunteer") return `${when} · ${slot.studentName} (${slot.schoolName})`;
    return `${when} · ${slot.volunteerName} · ${slot.studentName} (${slot.schoolName})`;
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="schedule-view-heading">
      <Title order={2} size="h4" id="schedule-view-heading">
        {t("eventSchedule.view.heading")}
      </Title>
      <SegmentedControl
        aria-label={t("eventSchedule.view.by")}
        value={by}
        onChange={(v) => onBy(v as ScheduleGrouping)}
        data={[
          { value: "student", label: t("eventSchedule.view.student") },
          { value: "volunteer", label: t("eventSchedule.view.volunteer") },
          { value: "station", label: t("eventSchedule.view.station") },
        ]}
      />
      {schedule.isPending ? (
        <PageLoader />
      ) : schedule.isError ? (
        <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : schedule.data.groups.length === 0 ? (
        <Text c="dimmed">{t("eventSchedule.view.empty")}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="sm"
          component="ul"
          style={{ listStyle: "none", padding: 0 }}
        >
          {schedule.data.groups.map((g) => (
            <Paper
              withBorder
              p="sm"
              key={g.key}
              component="li"
              aria-label={by === "station" ? table(g.title) : g.title}
            >
              <Text fw={700}>{by === "station" ? table(g.title) : g.title}</Text>
              {g.subtitle || (by === "volunteer" && g.station) ? (
                <Text size="sm" c="dimmed">
                  {[g.subtitle, by === "volunteer" ? table(g.station) : null].filter(Boolean).join(" · ")}
                </Text>
              ) : null}
              <Stack gap={2} mt={4} component="ol" style={{ paddingLeft: "1.2em", margin: 0 }}>
                {g.slots.map((s) => (
                  <Text component="li" size="sm" key={s.interviewId}>
                    {line(s)}
                  </Text>
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
