import { engagementWhat, kindLabel } from "../engagement.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import type { Message } from "../types.ts";
import { type MatchCalendarFacts, type MatchMessageFacts, matchInvite, matchMail } from "./match-parts.ts";

const strings = defineStrings("matchScheduled", {
  en: {
    subject: "Scheduled: {{kind}}, {{when}}",
    subjectChanged: "Rescheduled: {{kind}}, {{when}}",
    scheduled: "Scheduled for {{when}}: {{what}}.",
    attached: "The calendar invite is attached.",
  },
  es: {
    subject: "Programado: {{kind}}, {{when}}",
    subjectChanged: "Reprogramado: {{kind}}, {{when}}",
    scheduled: "Programado para el {{when}}: {{what}}.",
    attached: "La invitación de calendario va adjunta.",
  },
});

export interface MatchScheduledFacts extends MatchMessageFacts {
  calendar: MatchCalendarFacts;
}

/** A time was set (SEQUENCE 0) or changed (higher SEQUENCE): the invite with its .ics (METHOD:REQUEST). */
export async function matchScheduledMessage(f: MatchScheduledFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const when = formatDateTime(f.calendar.start, lang, f.timeZone);
  const kind = kindLabel(f.engagement.kind, lang);
  const subject = t(f.calendar.sequence === 0 ? "subject" : "subjectChanged", { kind, when });
  return matchMail(
    f,
    subject,
    [t("scheduled", { when, what: engagementWhat(f.engagement, lang) }), t("attached")],
    [matchInvite(f, f.calendar, "REQUEST")],
  );
}
