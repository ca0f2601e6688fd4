import type { CalendarEntry } from "@bridgework/domain";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { displayTimeZone } from "../../../lib/format.ts";
import { CalendarEntryLink } from "./calendar-entry-link.tsx";
import { daysBetween, dayIn } from "./days.ts";

const localeOf = (language: string) => (language.startsWith("es") ? "es-US" : "en-US");
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function formatDay(day: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(localeOf(language), { ...options, timeZone: "UTC" }).format(noon(day));
}

/** Entries by the region's calendar day they fall on. */
export function byDay(entries: CalendarEntry[]): Map<string, CalendarEntry[]> {
  const zone = displayTimeZone();
  const map = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const day = dayIn(e.start, zone);
    map.set(day, [...(map.get(day) ?? []), e]);
  }
  return map;
}

interface ViewProps {
  from: string;
  to: string;
  today: string;
  entries: CalendarEntry[];
  /** The month shown (YYYY-MM), for the month grid's days outside it. */
  month?: string;
  caption: string;
}

/** A month as a table of weeks (Sunday first); each day lists its entries. */
export function MonthView({ from, to, today, entries, month, caption }: ViewProps) {
  const { i18n } = useTranslation();
  const days = daysBetween(from, to);
  const grouped = byDay(entries);
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return (
    <table className="calendar-month">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {weeks[0]!.map((d) => (
            <th key={d} scope="col">
              <abbr title={formatDay(d, i18n.language, { weekday: "long" })}>
                {formatDay(d, i18n.language, { weekday: "short" })}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => (
              <td
                key={d}
                data-outside={month && !d.startsWith(month) ? true : undefined}
                data-today={d === today ? true : undefined}
                aria-current={d === today ? "date" : undefined}
              >
                <Text size="xs" fw={d === today ? 700 : 500}>
                  <span aria-hidden>{Number(d.slice(8))}</span>
                  <span className="visually-hidden">{formatDay(d, i18n.language, { dateStyle: "full" })}</span>
                </Text>
                {(grouped.get(d) ?? []).map((e) => (
                  <CalendarEntryLink key={e.uid} entry={e} compact />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every day of a week, with its entries or a dash. */
export function WeekView({ from, to, today, entries }: ViewProps) {
  const { t, i18n } = useTranslation();
  const grouped = byDay(entries);
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {daysBetween(from, to).map((d) => (
        <Paper
          component="li"
          key={d}
          withBorder
          radius="md"
          p="sm"
          aria-current={d === today ? "date" : undefined}
          style={d === today ? { borderColor: "var(--mantine-color-bridge-6)" } : undefined}
        >
          <Title order={3} size="h6">
            {formatDay(d, i18n.language, { weekday: "long", month: "long", day: "numeric" })}
            {d === today ? ` (${t("waiting.calendar.todayMark")})` : ""}
          </Title>
          {(grouped.get(d) ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            (grouped.get(d) ?? []).map((e) => <CalendarEntryLink key={e.uid} entry={e} />)
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** Only the days that have entries, in order: the default on small screens. */
export function AgendaView({ today, entries }: ViewProps) {
  const { t, i18n } = useTranslation();
  const grouped = [...byDay(entries).entries()].sort(([a], [b]) => a.localeCompare(b));
  if (grouped.length === 0) return <Text c="dimmed">{t("waiting.calendar.empty")}</Text>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {grouped.map(([d, list]) => (
        <Paper component="li" key={d} withBorder radius="md" p="sm">
          <Title order={3} size="h6">
            {formatDay(d, i18n.language, { weekday: "long", month: "long", day: "numeric", year: "numeric" })}
            {d === today ? ` (${t("waiting.calendar.todayMark")})` : ""}
          </Title>
          <Stack gap={4}>
            {list.map((e) => (
              <CalendarEntryLink key={e.uid} entry={e} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
