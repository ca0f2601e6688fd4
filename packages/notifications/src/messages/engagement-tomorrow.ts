import { inviteAttachment } from "../calendar.ts";
import { common } from "../common.ts";
import { type EngagementFacts, engagementSummary, engagementWhat, kindLabel } from "../engagement.ts";
import { formatDateTime } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("engagementTomorrow", {
  en: {
    subject: "Tomorrow: {{kind}}, {{when}}",
    body: 'A reminder: {{what}} ("{{title}}") is on {{when}}.',
    invite: "The calendar invite is attached again.",
    details: "{{what}}. Details: {{link}}",
  },
  es: {
    subject: "Mañana: {{kind}}, {{when}}",
    body: "Un recordatorio: {{what}} («{{title}}») es el {{when}}.",
    invite: "Le enviamos otra vez la invitación del calendario.",
    details: "{{what}}. Detalles: {{link}}",
  },
});

export interface EngagementTomorrowFacts extends MessageBase {
  matchId: string;
  engagement: EngagementFacts;
  at: Date;
  /** The invite's SEQUENCE as the schedule email sent it: the same UID and SEQUENCE change nothing in a calendar that has it. */
  icsSequence: number;
  opportunityStartsAt: Date | null;
  opportunityEndsAt: Date | null;
  /** The city, or null; ignored when the engagement is virtual. */
  city: string | null;
  virtual: boolean;
  /** Everyone reminded about this engagement, as the invite lists them. */
  attendees: { name: string; email: string }[];
  link: string;
  now: Date;
}

/** The day before a scheduled match: when it is, in the region's zone, with the calendar invite again. */
export async function engagementTomorrowMessage(f: EngagementTomorrowFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const when = formatDateTime(f.at, lang, f.timeZone);
  const what = engagementWhat(f.engagement, lang);
  const invite = inviteAttachment({
    matchId: f.matchId,
    sequence: f.icsSequence,
    method: "REQUEST",
    start: f.at,
    opportunityStartsAt: f.opportunityStartsAt,
    opportunityEndsAt: f.opportunityEndsAt,
    summary: engagementSummary(f.engagement, lang),
    description: t("details", { what, link: f.link }),
    location: f.virtual ? common(lang)("virtual") : f.city,
    url: f.link,
    attendees: f.attendees,
    now: f.now,
    timeZone: f.timeZone,
  });
  return mailTo(
    f.recipient,
    t("subject", { kind: kindLabel(f.engagement.kind, lang), when }),
    {
      paragraphs: [t("body", { what, title: f.engagement.title, when }), t("invite")],
      action: { label: common(lang)("openMatch"), url: f.link },
    },
    [invite],
  );
}
