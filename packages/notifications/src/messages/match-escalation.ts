import { common } from "../common.ts";
import { defineStrings } from "../i18n.ts";
import { mailTo } from "../mail-to.ts";
import type { Message, MessageBase } from "../types.ts";

const strings = defineStrings("matchEscalation", {
  en: {
    subject_one: "No answer from {{employer}} after {{count}} day",
    subject_other: "No answer from {{employer}} after {{count}} days",
    silent_one: '{{employer}} has not answered the ask for "{{title}}" ({{school}}) in {{count}} day.',
    silent_other: '{{employer}} has not answered the ask for "{{title}}" ({{school}}) in {{count}} days.',
    next: "Consider a call, or cancel it and pick another suggestion.",
  },
  es: {
    subject_one: "Sin respuesta de {{employer}} después de {{count}} día",
    subject_other: "Sin respuesta de {{employer}} después de {{count}} días",
    silent_one: '{{employer}} no ha respondido a la solicitud de "{{title}}" ({{school}}) en {{count}} día.',
    silent_other: '{{employer}} no ha respondido a la solicitud de "{{title}}" ({{school}}) en {{count}} días.',
    next: "Considere llamar, o cancele la solicitud y elija otra sugerencia.",
  },
});

export interface MatchEscalationFacts extends MessageBase {
  employer: string;
  school: string;
  title: string;
  /** Whole days since the ask was approved. */
  daysWaiting: number;
  link: string;
}

/** To the district's coordinators (or the region's intermediaries) when an employer has not answered for 7 days. */
export async function matchEscalationMessage(f: MatchEscalationFacts): Promise<Message> {
  const lang = f.recipient.language;
  const t = strings(lang);
  return mailTo(f.recipient, t("subject", { employer: f.employer, count: f.daysWaiting }), {
    paragraphs: [
      t("silent", { employer: f.employer, title: f.title, school: f.school, count: f.daysWaiting }),
      t("next"),
    ],
    action: { label: common(lang)("openMatch"), url: f.link },
  });
}
