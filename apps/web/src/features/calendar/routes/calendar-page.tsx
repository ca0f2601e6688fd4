import { Button, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/ui/error-alert.tsx";
import { PageHeader } from "../../../components/ui/page-header.tsx";
import { PageLoader } from "../../../components/ui/page-loader.tsx";
import { displayTimeZone } from "../../../lib/format.ts";
import { useCalendar } from "../api/get-calendar.ts";
import { AgendaView, formatDay, MonthView, WeekView } from "../components/calendar-views.tsx";
import { addDays, addMonths, type CalendarView, rangeOf, todayIn } from "../components/days.ts";
import { FeedCard } from "../components/feed-card.tsx";

/** Month, week or agenda of what is dated in the person's scope; agenda first on small screens. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const zone = displayTimeZone();
  const today = todayIn(zone);
  const small = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  const [chosen, setChosen] = useState<CalendarView | null>(null);
  const view: CalendarView = chosen ?? (small ? "agenda" : "month");
  const [anchor, setAnchor] = useState(today);
  const range = rangeOf(view, anchor);
  const calendar = useCalendar(range);

  const step = (n: number) => setAnchor(view === "week" ? addDays(anchor, 7 * n) : addMonths(anchor, n));
  const period =
    view === "week"
      ? t("waiting.calendar.weekOf", {
          date: formatDay(range.from, i18n.language, { month: "long", day: "numeric", year: "numeric" }),
        })
      : formatDay(anchor, i18n.language, { month: "long", year: "numeric" });
  const unit = view === "week" ? "Week" : "Month";
  const entries = calendar.data?.entries ?? [];

  return (
    <>
      <PageHeader title={t("waiting.calendar.title")} intro={t("waiting.calendar.intro", { zone: zone ?? "" })} />
      <Stack gap="md" maw={1100}>
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            aria-label={t("waiting.calendar.view")}
            value={view}
            onChange={(v) => setChosen(v as CalendarView)}
            data={(["month", "week", "agenda"] as const).map((v) => ({
              value: v,
              label: t(`waiting.calendar.views.${v}`),
            }))}
          />
          <Group gap="xs">
            <Button variant="default" onClick={() => step(-1)} aria-label={t(`waiting.calendar.previous${unit}`)}>
              {t("waiting.calendar.previous")}
            </Button>
            <Button variant="default" onClick={() => setAnchor(today)}>
              {t("waiting.calendar.today")}
            </Button>
            <Button variant="default" onClick={() => step(1)} aria-label={t(`waiting.calendar.next${unit}`)}>
              {t("waiting.calendar.next")}
            </Button>
          </Group>
        </Group>
        <Title order={2} size="h3" aria-live="polite">
          {period}
          {calendar.isSuccess ? (
            <Text span size="sm" c="dimmed" fw={400} ml="sm">
              {t("waiting.calendar.entries", { count: entries.length })}
            </Text>
          ) : null}
        </Title>
        {calendar.isPending ? (
          <PageLoader />
        ) : calendar.isError ? (
          <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : view === "month" ? (
          <MonthView {...range} today={today} entries={entries} month={anchor.slice(0, 7)} caption={period} />
        ) : view === "week" ? (
          <WeekView {...range} today={today} entries={entries} caption={period} />
        ) : (
          <AgendaView {...range} today={today} entries={entries} caption={period} />
        )}
        <FeedCard />
      </Stack>
    </>
  );
}
