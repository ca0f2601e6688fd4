import { placementStartAttachment } from "../calendar.ts";
import { common } from "../common.ts";
import { formatDay } from "../format.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("placementStarts", {
  en: {
    subject: "Tomorrow: {{student}} starts at {{employer}}",
    body: 'A reminder: {{student}} ({{school}}) starts "{{title}}" with {{employer}} on {{day}}.',
    calendar: "A calendar entry for the first day is attached.",
    summary: "First day: {{student}} at {{employer}} ({{title}})",
    details: '{{student}} of {{school}} starts "{{title}}" with {{employer}}. Details: {{link}}',
  },
  es: {
    subject: "Mañana: {{student}} empieza en {{employer}}",
    body: "Un recordatorio: {{student}} ({{school}}) empieza «{{title}}» con {{employer}} el {{day}}.",
    calendar: "Adjuntamos una entrada de calendario para el primer día.",
    summary: "Primer día: {{student}} en {{employer}} ({{title}})",
    details: "{{student}} de {{school}} empieza «{{title}}» con {{employer}}. Detalles: {{link}}",
  },
});

export interface PlacementStartsFacts extends MessageBase {
  placementId: string;
  /** As the employer's side may see it: first name and last initial. */
  student: string;
  school: string;
  employer: string;
  title: string;
  /** YYYY-MM-DD. */
  startDate: string;
  city: string | null;
  attendees: { name: string; email: string }[];
  link: string;
  /** The worksite supervisor has no account: the calendar entry carries the link, the email does not offer it. */
  hasAccount: boolean;
  now: Date;
}

/** The day before a placement's first day, with an all-day calendar entry. */
export async function placementStartsMessage(f: PlacementStartsFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  const names = { student: f.student, school: f.school, employer: f.employer, title: f.title };
  const calendar = placementStartAttachment({
    placementId: f.placementId,
    startDate: f.startDate,
    summary: t("summary", names),
    description: t("details", { ...names, link: f.link }),
    location: f.city,
    url: f.link,
    attendees: f.attendees,
    now: f.now,
    timeZone: f.timeZone,
  });
  return mailTo(
    f.recipient,
    t("subject", names),
    {
      paragraphs: [t("body", { ...names, day: formatDay(f.startDate, lang) }), t("calendar")],
      ...(f.hasAccount ? { action: { label: common(lang)("openPlacement"), url: f.link } } : {}),
    },
    [calendar],
  );
}
