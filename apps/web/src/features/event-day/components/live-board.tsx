import type { EventBoard } from "@bridgework/domain";
import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { displayTimeZone } from "../../../lib/format.ts";
import { formatTime } from "./time.ts";
import { stationLabel } from "./station.ts";

type Interview = NonNullable<EventBoard["stations"][number]["current"]>;

/** The counts, one card per station (who, now, next) and the students due soon who are not in. */
export function LiveBoard({ board }: { board: EventBoard }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language, displayTimeZone());
  const c = board.counts;
  const slot = (label: string, i: Interview | null) => (
    <Text size="sm">
      <strong>{label}:</strong>{" "}
      {i
        ? `${time(i.startsAt)} ${i.studentName}${i.studentCheckedIn ? "" : ` ${t("eventDay.board.studentNotIn")}`}`
        : t("eventDay.board.nothing")}
    </Text>
  );
  return (
    <Stack gap="md">
      <section aria-labelledby="counts-heading">
        <Title order={2} size="h3" id="counts-heading" mb="xs">
          {t("eventDay.counts.heading")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          {(
            [
              ["volunteers", c.volunteersCheckedIn, c.volunteersExpected],
              ["students", c.studentsCheckedIn, c.studentsExpected],
              ["interviews", c.interviewsDone, c.interviewsTotal],
            ] as const
          ).map(([key, done, total]) => (
            <Card key={key} withBorder padding="xs" data-testid={`count-${key}`}>
              <Text size="sm">{t(`eventDay.counts.${key}`)}</Text>
              <Text fw={700} size="lg">
                {t("eventDay.counts.of", { done, total })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="board-heading">
        <Title order={2} size="h3" id="board-heading">
          {t("eventDay.board.heading")}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t("eventDay.board.updated", { time: time(board.at) })}
        </Text>
        {board.stations.length === 0 ? (
          <Text c="dimmed">{t("eventDay.board.empty")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
            {board.stations.map((s) => (
              <Card
                key={s.volunteerId}
                withBorder
                padding="sm"
                component="article"
                aria-label={s.station ? stationLabel(t, s.station) : s.name}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={700}>{s.station ? stationLabel(t, s.station) : t("eventDay.board.noStation")}</Text>
                  <Badge color={s.checkedInAt ? "green" : "gray"} variant="light">
                    {s.checkedInAt
                      ? t("eventDay.board.inAt", { time: time(s.checkedInAt) })
                      : t("eventDay.board.notIn")}
                  </Badge>
                </Group>
                <Text size="sm">
                  {s.name}, {s.employerName}
                </Text>
                {slot(t("eventDay.board.now"), s.current)}
                {slot(t("eventDay.board.next"), s.next)}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>
      <section aria-labelledby="soon-heading">
        <Title order={2} size="h3" id="soon-heading" mb="xs">
          {t("eventDay.board.soonHeading")}
        </Title>
        {board.soon.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("eventDay.board.soonEmpty")}
          </Text>
        ) : (
          <List size="sm">
            {board.soon.map((s) => (
              <List.Item key={s.eventStudentId}>
                {t("eventDay.board.soonItem", { name: s.name, school: s.schoolName, time: time(s.startsAt) })}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
