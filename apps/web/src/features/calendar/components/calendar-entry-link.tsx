import type { CalendarEntry } from "@bridgework/domain";
import { Link } from "@tanstack/react-router";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { displayTimeZone } from "../../../lib/format.ts";
import { useLabels } from "../../../lib/labels.ts";

const COLOR: Record<CalendarEntry["kind"], string> = {
  engagement: "var(--mantine-color-bridge-7)",
  placementStart: "var(--mantine-color-teal-8)",
  requestWindowEnds: "var(--mantine-color-grape-8)",
  paperworkDue: "var(--mantine-color-orange-9)",
  certificateExpires: "var(--mantine-color-red-9)",
};

/** "10:00 AM PDT" in the region's zone and the interface language. */
export function formatTime(iso: string, language: string): string {
  const locale = language.startsWith("es") ? "es-US" : "en-US";
  return new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: displayTimeZone(),
  }).format(new Date(iso));
}

/** An entry's words: its time (or "All day"), what kind of date it is, and what it concerns. */
export function useEntryText() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  return (e: CalendarEntry) => {
    const title = e.kind === "requestWindowEnds" ? labels.kind(e.title) : e.title;
    const when = e.allDay ? t("waiting.calendar.allDay") : formatTime(e.start, i18n.language);
    const what = e.kind === "engagement" ? title : `${t(`waiting.calendar.kinds.${e.kind}`)}: ${title}`;
    return { when, what, detail: e.detail };
  };
}

/** A link to the page where the entry's record lives. */
export function CalendarEntryLink({ entry, compact = false }: { entry: CalendarEntry; compact?: boolean }) {
  const text = useEntryText()(entry);
  const style = { "--entry-color": COLOR[entry.kind] } as CSSProperties;
  const content = compact ? (
    <>
      {entry.allDay ? null : <strong>{text.when} </strong>}
      {text.what}
    </>
  ) : (
    <>
      <strong>{text.when}</strong> · {text.what}
      {text.detail ? (
        <span style={{ display: "block", color: "var(--mantine-color-gray-7)" }}>{text.detail}</span>
      ) : null}
    </>
  );
  switch (entry.kind) {
    case "engagement":
      return (
        <Link to="/matches/$matchId" params={{ matchId: entry.id }} className="calendar-entry" style={style}>
          {content}
        </Link>
      );
    case "requestWindowEnds":
      return (
        <Link to="/requests/$requestId" params={{ requestId: entry.id }} className="calendar-entry" style={style}>
          {content}
        </Link>
      );
    case "certificateExpires":
      return (
        <Link to="/insurance" className="calendar-entry" style={style}>
          {content}
        </Link>
      );
    default:
      return (
        <Link to="/placements" className="calendar-entry" style={style}>
          {content}
        </Link>
      );
  }
}
